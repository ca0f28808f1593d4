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

/** Reads the agency's name and address for mail footers; one primary-key lookup per email. */
@Injectable()
export class AgencyProfileReader {
  async read(manager: EntityManager): Promise<AgencyProfile> {
    const [row] = (await manager.query(`SELECT value FROM setting WHERE key = $1`, [PROVINCE_SETTING_KEY])) as {
      value: ProvinceSettings | null;
    }[];
    const settings = row?.value ?? {};
    const vi = text(settings.agencyName?.vi);
    const en = text(settings.agencyName?.en);
    return {
      name: { vi: vi ?? en ?? UNCONFIGURED.name.vi, en: en ?? vi ?? UNCONFIGURED.name.en },
      address: text(settings.agencyAddress) ?? UNCONFIGURED.address,
    };
  }
}
