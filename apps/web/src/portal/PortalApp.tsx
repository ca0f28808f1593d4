import type { PublicAgency } from '@irm/contracts';
import { useAgency } from './api';
import { useLanguage, LANGUAGE_NAMES, PORTAL_LANGUAGES, isPortalLanguage, type PortalLanguage } from './i18n';
import { CataloguePage } from './screens/CataloguePage';
import { EventPage, EventsPage } from './screens/EventsPages';
import { LandEnquiryPage } from './screens/LandEnquiryPage';
import { LoanApplicationPage } from './screens/LoanApplicationPage';
import { ResendPage } from './screens/ResendPage';
import { TrackingPage } from './screens/TrackingPage';
import { ZonePage } from './screens/ZonePage';
import { PageHeading } from './components/ui';
import { paths } from './paths';
import { Link, matchPath, useRouter } from './router';

function Page() {
  const { location } = useRouter();
  const path = location.pathname;
  let params: Record<string, string> | null;
  if (matchPath(paths.catalogue, path)) return <CataloguePage />;
  if ((params = matchPath('/invest/zones/:id', path))) return <ZonePage key={params.id} id={params.id!} />;
  if (matchPath('/invest/land-enquiry', path)) return <LandEnquiryPage key={location.search.get('zone') ?? ''} />;
  if (matchPath(paths.loanApplication, path)) return <LoanApplicationPage />;
  if (matchPath(paths.events, path)) return <EventsPage />;
  if ((params = matchPath('/invest/events/:id', path))) return <EventPage key={params.id} id={params.id!} />;
  if (matchPath(paths.resend, path)) return <ResendPage />;
  if ((params = matchPath('/track/:token', path))) return <TrackingPage key={params.token} token={params.token!} />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useLanguage();
  return (
    <>
      <PageHeading title={t.common.notFoundTitle} />
      <p>{t.common.notFoundBody}</p>
      <p>
        <Link to={paths.catalogue}>{t.common.backToCatalogue}</Link>
      </p>
    </>
  );
}

const NAV = [
  {
    to: paths.catalogue,
    key: 'catalogue',
    active: (path: string) => path === '/invest' || path.startsWith('/invest/zones'),
  },
  { to: paths.landEnquiry(), key: 'landEnquiry', active: (path: string) => path.startsWith('/invest/land-enquiry') },
  { to: paths.loanApplication, key: 'loan', active: (path: string) => path.startsWith(paths.loanApplication) },
  { to: paths.events, key: 'events', active: (path: string) => path.startsWith(paths.events) },
  {
    to: paths.resend,
    key: 'track',
    active: (path: string) => path.startsWith('/track/') || path.startsWith(paths.resend),
  },
] as const;

function LanguageSwitcher() {
  const { t, language, setLanguage } = useLanguage();
  return (
    <label className="language">
      <span className="visually-hidden">{t.common.language}</span>
      <svg className="language__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18Zm-9 9h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3Z"
        />
      </svg>
      <select
        className="language__select"
        value={language}
        onChange={(event) => isPortalLanguage(event.target.value) && setLanguage(event.target.value)}
        data-testid="language"
      >
        {PORTAL_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The agency's name exists in Vietnamese and English; the other languages read the English one. */
const agencyName = (agency: PublicAgency, language: PortalLanguage) =>
  language === 'vi' ? agency.name.vi : agency.name.en;

/** Who runs the portal and how to reach them, from the agency's settings. */
function AgencyContact({ agency }: { agency: PublicAgency }) {
  const { t, language } = useLanguage();
  return (
    <address className="footer__agency" data-testid="agency-contact">
      <strong>{agencyName(agency, language)}</strong>
      {agency.address && <span>{agency.address}</span>}
      {agency.phone && (
        <span>
          {t.common.contactPhone}: <a href={`tel:${agency.phone.replace(/[^\d+]/g, '')}`}>{agency.phone}</a>
        </span>
      )}
      {agency.email && (
        <span>
          {t.common.contactEmail}: <a href={`mailto:${agency.email}`}>{agency.email}</a>
        </span>
      )}
      {agency.website && (
        <span>
          {t.common.contactWebsite}: <a href={agency.website}>{new URL(agency.website).host}</a>
        </span>
      )}
    </address>
  );
}

export function PortalApp() {
  const { t, language } = useLanguage();
  const { location } = useRouter();
  const agency = useAgency().data;
  return (
    <>
      <a href="#main" className="skip-link">
        {t.common.skipToContent}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to={paths.catalogue} className="brand">
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            <span>
              <span className="brand__name" data-testid="agency-name">
                {agency ? agencyName(agency, language) : t.common.brand}
              </span>
              <span className="brand__sub">{t.common.brandSub}</span>
            </span>
          </Link>
          <LanguageSwitcher />
        </div>
        <nav className="nav" aria-label={t.common.mainNav}>
          <ul className="nav__list">
            {NAV.map((item) => (
              <li key={item.key}>
                <Link
                  to={item.to}
                  className="nav__link"
                  aria-current={item.active(location.pathname) ? 'page' : undefined}
                >
                  {t.nav[item.key]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Page />
      </main>
      <footer className="footer">
        <div className="footer__inner">
          {agency && <AgencyContact agency={agency} />}
          <p>{t.common.footer}</p>
          <p>
            <a href="/login">{t.common.staffSignIn}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
