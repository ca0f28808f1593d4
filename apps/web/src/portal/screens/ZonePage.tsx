import { useZone } from '../api';
import { Badge, LandBar, LoadError, Loading, PageHeading } from '../components/ui';
import { useLanguage } from '../i18n';
import { Link } from '../router';
import { paths } from '../paths';

export function ZonePage({ id }: { id: string }) {
  const { t, format } = useLanguage();
  const zone = useZone(id);

  if (zone.isPending) return <Loading />;
  if (zone.isError) {
    return (
      <>
        <PageHeading title={t.common.notFoundTitle} />
        <LoadError error={zone.error} onRetry={() => void zone.refetch()} notFound={t.zone.notFound} />
        <p>
          <Link to={paths.catalogue}>← {t.common.backToCatalogue}</Link>
        </p>
      </>
    );
  }

  const z = zone.data;
  const taken = Math.max(0, z.industrialLandHa - z.availableHa);
  const mapUrl =
    z.latitude !== null && z.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${z.latitude}&mlon=${z.longitude}#map=14/${z.latitude}/${z.longitude}`
      : null;

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.catalogue}>← {t.common.backToCatalogue}</Link>
      </p>
      <PageHeading title={z.name}>
        <p className="zone-card__head">
          <Badge tone="blue">{t.zoneType[z.type]}</Badge>
          <Badge>{t.zoneStatus[z.status]}</Badge>
          {z.illustrative && <Badge tone="amber">{t.catalogue.illustrativeHint}</Badge>}
        </p>
        <p className="muted">
          {z.code} · {z.district}
        </p>
      </PageHeading>

      <div className="zone-layout">
        <div className="zone-layout__main">
          <section className="card" aria-labelledby="land-title">
            <h2 id="land-title">{t.zone.landUse}</h2>
            <p className={`big-figure${z.availableHa > 0 ? '' : ' big-figure--full'}`} data-testid="zone-available">
              {z.availableHa > 0 ? t.common.hectares(format.hectares(z.availableHa)) : t.catalogue.full}
            </p>
            <LandBar available={z.availableHa} industrial={z.industrialLandHa} />
            <ul className="legend">
              <li>
                <span className="legend__swatch legend__swatch--available" aria-hidden="true" />
                {t.catalogue.available}: {t.common.hectares(format.hectares(z.availableHa))}
              </li>
              <li>
                <span className="legend__swatch legend__swatch--taken" aria-hidden="true" />
                {t.catalogue.taken}: {t.common.hectares(format.hectares(taken))}
              </li>
            </ul>
          </section>

          <section className="card" aria-labelledby="figures-title">
            <h2 id="figures-title">{t.zone.figures}</h2>
            <dl className="facts">
              <div>
                <dt>{t.catalogue.totalArea}</dt>
                <dd>{t.common.hectares(format.hectares(z.totalAreaHa))}</dd>
              </div>
              <div>
                <dt>{t.catalogue.industrialLand}</dt>
                <dd>{t.common.hectares(format.hectares(z.industrialLandHa))}</dd>
              </div>
              {z.workforce !== null && (
                <div>
                  <dt>{t.zone.workforce}</dt>
                  <dd>{t.zone.workforceValue(format.number(z.workforce))}</dd>
                </div>
              )}
              {z.craftVillage && (
                <div>
                  <dt>{t.zone.craftVillage}</dt>
                  <dd>{z.craftVillage}</dd>
                </div>
              )}
              {mapUrl && (
                <div>
                  <dt>{t.zone.location}</dt>
                  <dd>
                    <a href={mapUrl} target="_blank" rel="noopener noreferrer">
                      {t.zone.openMap} ({format.number(z.latitude!, 4)}, {format.number(z.longitude!, 4)})
                    </a>
                  </dd>
                </div>
              )}
            </dl>
            <h3>{t.zone.sectors}</h3>
            {z.sectors.length ? (
              <ul className="chips">
                {z.sectors.map((sector) => (
                  <li key={sector} className="chip">
                    {t.sector[sector]}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t.zone.noSectors}</p>
            )}
            <p className="muted small">{t.zone.updated(format.date(z.updatedAt))}</p>
          </section>
        </div>

        <aside className="card card--accent zone-layout__side" aria-labelledby="enquire-title">
          <h2 id="enquire-title">{t.zone.enquireTitle}</h2>
          <p>{t.zone.enquireBody}</p>
          <Link to={paths.landEnquiry(z.id)} className="button button--primary button--block" data-testid="enquire">
            {t.zone.enquire}
          </Link>
        </aside>
      </div>
    </>
  );
}
