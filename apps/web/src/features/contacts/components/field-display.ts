import { useCallback } from 'react';
import type { Contact } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { isConsent, isConsentSource, isContactLanguage } from './options';
import { formatPhone } from './phone';

/** Fields a person can change, in the order the form shows them; names stand for the linked ids. */
export const DISPLAYED_FIELDS = [
  'fullName',
  'position',
  'organizationName',
  'email',
  'phone',
  'preferredLanguage',
  'emailConsent',
  'consentSource',
  'ownerName',
] as const satisfies readonly (keyof Contact)[];

const FIELD_LABEL_KEYS = {
  fullName: 'contacts.field.fullName',
  email: 'contacts.field.email',
  phone: 'contacts.field.phone',
  position: 'contacts.field.position',
  organizationId: 'contacts.field.organizationId',
  organizationName: 'contacts.field.organizationName',
  preferredLanguage: 'contacts.field.preferredLanguage',
  emailConsent: 'contacts.field.emailConsent',
  consentSource: 'contacts.field.consentSource',
  consentChangedAt: 'contacts.field.consentChangedAt',
  ownerId: 'contacts.field.ownerId',
  ownerName: 'contacts.field.ownerName',
} as const;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** A field's name and value as a person reads them, e.g. in the change history ("Email consent: Unknown → Opted in"). */
export function useContactFieldDisplay() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCallback(
    (field: string) =>
      field in FIELD_LABEL_KEYS ? t(FIELD_LABEL_KEYS[field as keyof typeof FIELD_LABEL_KEYS]) : field,
    [t],
  );
  const value = useCallback(
    (field: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('contacts.none');
      if (field === 'preferredLanguage' && isContactLanguage(raw)) return t(`contacts.language.${raw}`);
      if (field === 'emailConsent' && isConsent(raw)) return t(`contacts.consent.${raw}`);
      if (field === 'consentSource' && isConsentSource(raw)) return t(`contacts.consentSource.${raw}`);
      if (field === 'phone' && typeof raw === 'string') return formatPhone(raw);
      if (field === 'consentChangedAt' && typeof raw === 'string') return format.dateTime(raw);
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    },
    [t, format],
  );
  return { label, value };
}

/** What differs between two copies of a contact, for telling a person what someone else changed. */
export function contactDifferences(before: Contact, after: Contact) {
  return DISPLAYED_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null)).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
