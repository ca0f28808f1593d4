import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../../shared/api/api-error';
import { useLanguage } from '../i18n';

/**
 * The page's heading: sets the document title and takes focus after a client-side navigation, so screen reader
 * users hear where they arrived (not on the first load, where the browser starts at the top anyway).
 */
let firstHeading = true;

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useLanguage();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t.meta.htmlTitle(title);
  }, [t, title]);
  useEffect(() => {
    if (firstHeading) firstHeading = false;
    else ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </header>
  );
}

export function Loading() {
  const { t } = useLanguage();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t.common.loading}
    </p>
  );
}

export function LoadError({ error, onRetry, notFound }: { error: unknown; onRetry(): void; notFound?: string }) {
  const { t } = useLanguage();
  if (notFound && error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <div className="alert alert--error" role="alert">
        {notFound}
      </div>
    );
  }
  return (
    <div className="alert alert--error" role="alert">
      <p>{t.common.loadFailed}</p>
      <button type="button" className="button button--subtle" onClick={onRetry}>
        {t.common.retry}
      </button>
    </div>
  );
}

/**
 * Available against leased or reserved land, as a bar: the figures are written out beside it, so the bar itself is
 * a picture for sighted readers and its label says the same in words.
 */
export function LandBar({ available, industrial }: { available: number; industrial: number }) {
  const { t, format } = useLanguage();
  const share = industrial > 0 ? Math.min(1, Math.max(0, available / industrial)) : 0;
  const label = t.catalogue.landChart(format.hectares(available), format.hectares(industrial));
  return (
    <div className="landbar" role="img" aria-label={label} title={label}>
      <span className="landbar__available" style={{ width: `${(share * 100).toFixed(1)}%` }} />
    </div>
  );
}

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'blue' | 'amber' }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
