import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgencyProfile } from './templates/localized';

/** The `setting` row the seed writes with the province and agency (configuration data, never hard-coded). */
export const PROVINCE_SETTING_KEY = 'province';

/** Used until the province settings exist (a fresh installation before its seed). */
const UNCONFIGURED: AgencyProfile = {
  name: { vi: 'Trung tâm Xúc tiến Đầu tư', en: 'Investment Promotion Centre' },
  address: '',
};

interface ProvinceSettings {
  agencyName?: { vi?: unknown; en?: unknown };
  agencyAddress?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A scalar subquery for the province settings, for queries that read them along with something else. */
export const PROVINCE_SETTINGS_SQL = `(SELECT value FROM setting WHERE key = '${PROVINCE_SETTING_KEY}')`;

/** The agency's name and address from the province settings (null before the seed has written them). */
export function agencyProfileFrom(value: unknown): AgencyProfile {
  const settings = (value ?? {}) as ProvinceSettings;
  const vi = text(settings.agencyName?.vi);
  const en = text(settings.agencyName?.en);
  return {
    name: { vi: vi ?? en ?? UNCONFIGURED.name.vi, en: en ?? vi ?? UNCONFIGURED.name.en },
    address: text(settings.agencyAddress) ?? UNCONFIGURED.address,
  };
}

/** Reads the agency's name and address for mail footers; one primary-key lookup. */
@Injectable()
export class AgencyProfileReader {
  async read(manager: EntityManager): Promise<AgencyProfile> {
    const [row] = (await manager.query(`SELECT ${PROVINCE_SETTINGS_SQL} AS value`)) as { value: unknown }[];
    return agencyProfileFrom(row?.value);
  }
}
