import type { PublicAgency } from '@irm/contracts';

/** Until the province settings exist (a fresh installation before its seed): the same words the emails use. */
const UNCONFIGURED_NAME = { vi: 'Trung tâm Xúc tiến Đầu tư', en: 'Investment Promotion Centre' };

/** The agency's part of the `province` setting; every field is optional there. */
interface ProvinceSettings {
  agencyName?: { vi?: unknown; en?: unknown };
  agencyAddress?: unknown;
  agencyPhone?: unknown;
  agencyEmail?: unknown;
  agencyWebsite?: unknown;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Only http(s) addresses become links on the public pages. */
const webAddress = (value: unknown): string | null => {
  const candidate = text(value);
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
};

const emailAddress = (value: unknown): string | null => {
  const candidate = text(value);
  return candidate && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(candidate) ? candidate : null;
};

/** What the public pages show of the agency, from the `province` setting's value (missing parts → null). */
export function toPublicAgency(value: unknown): PublicAgency {
  const settings = (value && typeof value === 'object' ? value : {}) as ProvinceSettings;
  const vi = text(settings.agencyName?.vi);
  const en = text(settings.agencyName?.en);
  return {
    name: { vi: vi ?? en ?? UNCONFIGURED_NAME.vi, en: en ?? vi ?? UNCONFIGURED_NAME.en },
    address: text(settings.agencyAddress),
    phone: text(settings.agencyPhone),
    email: emailAddress(settings.agencyEmail),
    website: webAddress(settings.agencyWebsite),
  };
}
