import { useMemo } from 'react';
import { ZONE_SECTORS, ZoneStatus, ZoneType, type PublicZone } from '@irm/contracts';
import { useZones } from '../api';
import { Badge, LandBar, LoadError, Loading, PageHeading } from '../components/ui';
import { useLanguage } from '../i18n';
import { Link, useRouter } from '../router';
import { paths } from '../paths';

const FILTERS = ['type', 'district', 'sector', 'status', 'minAvailableHa'] as const;
type Filter = (typeof FILTERS)[number];

/** A district as people type it in a shared link: "vinh tuong" is Vĩnh Tường (as the API's own filter reads it). */
const districtKey = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();

/**
 * The land bank: the whole catalogue comes in one cached answer (a province has tens of zones), so filtering
 * happens here, at once, and the filters live in the address so a link shares the same view.
 */
export function CataloguePage() {
  const { t, format } = useLanguage();
  const { location, navigate } = useRouter();
  const zones = useZones({});
  const filter = Object.fromEntries(FILTERS.map((name) => [name, location.search.get(name) ?? ''])) as Record<
    Filter,
    string
  >;

  /** The address keeps the filters (and the language), so the view can be shared as it is. */
  const showFilters = (change: (search: URLSearchParams) => void) => {
    const search = new URLSearchParams(location.search);
    change(search);
    const query = search.toString();
    navigate(`${paths.catalogue}${query ? `?${query}` : ''}`, { replace: true });
  };
  const setFilter = (name: Filter, value: string) =>
    showFilters((search) => (value ? search.set(name, value) : search.delete(name)));
  const clearFilters = () => showFilters((search) => FILTERS.forEach((name) => search.delete(name)));

  const districts = useMemo(
    () => [...new Set((zones.data?.items ?? []).map((zone) => zone.district))].sort((a, b) => a.localeCompare(b, 'vi')),
    [zones.data],
  );
  // The option a typed district stands for, so the menu shows it chosen.
  const district = districts.find((name) => districtKey(name) === districtKey(filter.district)) ?? filter.district;

  const shown = useMemo(() => {
    const minimum = Number(filter.minAvailableHa.replace(',', '.')) || 0;
    return (zones.data?.items ?? [])
      .filter(
        (zone) =>
          (!filter.type || zone.type === filter.type) &&
          (!filter.district || districtKey(zone.district) === districtKey(filter.district)) &&
          (!filter.sector || zone.sectors.includes(filter.sector as PublicZone['sectors'][number])) &&
          (!filter.status || zone.status === filter.status) &&
          zone.availableHa >= minimum,
      )
      .sort((a, b) => b.availableHa - a.availableHa || a.name.localeCompare(b.name, 'vi'));
  }, [zones.data, filter.type, filter.district, filter.sector, filter.status, filter.minAvailableHa]);

  const totalAvailable = shown.reduce((sum, zone) => sum + zone.availableHa, 0);
  const filtered = FILTERS.some((name) => filter[name]);

  return (
    <>
      <PageHeading title={t.catalogue.title}>
        <p className="lead">{t.catalogue.intro}</p>
      </PageHeading>

      <form
        className="filters card"
        role="search"
        aria-label={t.catalogue.filters}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="filters__grid">
          <label className="field">
            <span className="field__label">{t.catalogue.type}</span>
            <select
              className="input input--select"
              value={filter.type}
              onChange={(e) => setFilter('type', e.target.value)}
            >
              <option value="">{t.catalogue.anyType}</option>
              {Object.values(ZoneType).map((type) => (
                <option key={type} value={type}>
                  {t.zoneType[type]} ({t.zoneTypeShort[type]})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t.catalogue.district}</span>
            <select
              className="input input--select"
              value={district}
              onChange={(e) => setFilter('district', e.target.value)}
            >
              <option value="">{t.catalogue.anyDistrict}</option>
              {districts.map((district) => (
                <option key={district} value={district}>
                  {district}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t.catalogue.sector}</span>
            <select
              className="input input--select"
              value={filter.sector}
              onChange={(e) => setFilter('sector', e.target.value)}
            >
              <option value="">{t.catalogue.anySector}</option>
              {ZONE_SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {t.sector[sector]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t.catalogue.status}</span>
            <select
              className="input input--select"
              value={filter.status}
              onChange={(e) => setFilter('status', e.target.value)}
            >
              <option value="">{t.catalogue.anyStatus}</option>
              {Object.values(ZoneStatus).map((status) => (
                <option key={status} value={status}>
                  {t.zoneStatus[status]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t.catalogue.minAvailable}</span>
            <input
              className="input"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={filter.minAvailableHa}
              onChange={(e) => setFilter('minAvailableHa', e.target.value)}
            />
          </label>
        </div>
        {filtered && (
          <button type="button" className="button button--subtle" onClick={clearFilters}>
            {t.catalogue.reset}
          </button>
        )}
      </form>

      {zones.isPending ? (
        <Loading />
      ) : zones.isError ? (
        <LoadError error={zones.error} onRetry={() => void zones.refetch()} />
      ) : (
        <>
          <p className="results" role="status" aria-live="polite" data-testid="catalogue-count">
            <strong>{t.catalogue.results(shown.length)}</strong>
            {' · '}
            {t.catalogue.availableTotal(format.hectares(totalAvailable))}
          </p>
          {shown.length === 0 ? (
            <div className="card empty" data-testid="catalogue-empty">
              <p>{t.catalogue.empty}</p>
              <div className="empty__actions">
                {filtered && (
                  <button type="button" className="button button--subtle" onClick={clearFilters}>
                    {t.catalogue.reset}
                  </button>
                )}
                <Link to={paths.landEnquiry()} className="button button--primary">
                  {t.catalogue.enquire}
                </Link>
              </div>
            </div>
          ) : (
            <ul className="zone-grid" data-testid="zone-list">
              {shown.map((zone) => (
                <ZoneCard key={zone.id} zone={zone} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function ZoneCard({ zone }: { zone: PublicZone }) {
  const { t, format } = useLanguage();
  return (
    <li className="card zone-card" data-testid="zone-card">
      <div className="zone-card__head">
        <Badge tone="blue">{t.zoneTypeShort[zone.type]}</Badge>
        <Badge>{t.zoneStatus[zone.status]}</Badge>
        {zone.illustrative && (
          <span title={t.catalogue.illustrativeHint}>
            <Badge tone="amber">{t.catalogue.illustrative}</Badge>
          </span>
        )}
      </div>
      <h2 className="zone-card__name">
        <Link to={paths.zone(zone.id)}>{zone.name}</Link>
      </h2>
      <p className="muted">
        {t.zoneType[zone.type]} · {zone.district}
      </p>
      <p className={`zone-card__available${zone.availableHa > 0 ? '' : ' zone-card__available--full'}`}>
        {zone.availableHa > 0 ? (
          <>
            <strong>{t.common.hectares(format.hectares(zone.availableHa))}</strong>{' '}
            {t.catalogue.available.toLowerCase()}
          </>
        ) : (
          <strong>{t.catalogue.full}</strong>
        )}
        <span className="muted">
          {' '}
          / {t.common.hectares(format.hectares(zone.industrialLandHa))} {t.catalogue.industrialLand.toLowerCase()}
        </span>
      </p>
      <LandBar available={zone.availableHa} industrial={zone.industrialLandHa} />
      {zone.sectors.length > 0 && (
        <ul className="chips" aria-label={t.zone.sectors}>
          {zone.sectors.map((sector) => (
            <li key={sector} className="chip">
              {t.sector[sector]}
            </li>
          ))}
        </ul>
      )}
      <div className="zone-card__actions">
        <Link
          to={paths.zone(zone.id)}
          className="button button--subtle"
          aria-label={`${t.catalogue.details}: ${zone.name}`}
        >
          {t.catalogue.details}
        </Link>
        {zone.availableHa > 0 && (
          <Link
            to={paths.landEnquiry(zone.id)}
            className="button button--primary"
            aria-label={`${t.catalogue.enquire}: ${zone.name}`}
          >
            {t.catalogue.enquire}
          </Link>
        )}
      </div>
    </li>
  );
}
