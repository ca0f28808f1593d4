import { useMemo } from 'react';
import { ZONE_SECTORS, type PortalApplicant } from '@irm/contracts';
import { countryName, useLanguage, type PortalLanguage } from '../i18n';
import { SelectField, TextAreaField, TextField, type Option } from './fields';
import { body, type FormValues, type PortalForm } from './use-portal-form';

/** The province's main investor countries first after Vietnam, then others investors often come from. */
const COUNTRIES = [
  'VN', 'JP', 'KR', 'CN', 'TW', 'SG', 'HK', 'TH', 'MY', 'ID', 'IN', 'US', 'DE', 'FR', 'GB', 'NL', 'IT', 'CH',
  'SE', 'DK', 'FI', 'AU', 'NZ', 'CA', 'PH', 'AE',
] as const; // prettier-ignore

export const APPLICANT_INITIAL: FormValues = {
  fullName: '',
  email: '',
  phone: '',
  position: '',
  companyName: '',
  taxCode: '',
  country: 'VN',
  message: '',
  website: '',
};

export function useCountryOptions(language: PortalLanguage): Option[] {
  return useMemo(() => {
    const [home, ...rest] = COUNTRIES.map((code) => ({ value: code, label: countryName(language, code) }));
    return [home!, ...rest.sort((a, b) => a.label.localeCompare(b.label, language))];
  }, [language]);
}

/** The optional sector of a land enquiry or a loan application, from the catalogue's sectors. */
export function SectorField<T>({
  form,
  label,
  placeholder,
}: {
  form: PortalForm<T>;
  label: string;
  placeholder: string;
}) {
  const { t } = useLanguage();
  const sectors = useMemo(() => ZONE_SECTORS.map((sector) => ({ value: sector, label: t.sector[sector] })), [t]);
  return <SelectField form={form} name="sector" label={label} options={sectors} placeholder={placeholder} />;
}

/** Who is writing: the part every public form shares. */
export function ApplicantFields<T>({ form, companyRequired }: { form: PortalForm<T>; companyRequired: boolean }) {
  const { t, language } = useLanguage();
  const countries = useCountryOptions(language);
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t.form.you}</legend>
        <div className="grid-2">
          <TextField form={form} name="fullName" label={t.form.fullName} required autoComplete="name" maxLength={200} />
          <TextField form={form} name="position" label={t.form.position} autoComplete="organization-title" />
          <TextField
            form={form}
            name="email"
            label={t.form.email}
            required
            type="email"
            autoComplete="email"
            inputMode="email"
            hint={t.form.emailHint}
          />
          <TextField form={form} name="phone" label={t.form.phone} type="tel" autoComplete="tel" />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t.form.company}</legend>
        <div className="grid-2">
          <TextField
            form={form}
            name="companyName"
            label={t.form.companyName}
            required={companyRequired}
            autoComplete="organization"
          />
          <SelectField form={form} name="country" label={t.form.country} required options={countries} />
          <TextField form={form} name="taxCode" label={t.form.taxCode} hint={t.form.taxCodeHint} inputMode="numeric" />
        </div>
      </fieldset>
    </>
  );
}

export function MessageField<T>({ form }: { form: PortalForm<T> }) {
  const { t } = useLanguage();
  return <TextAreaField form={form} name="message" label={t.form.message} hint={t.form.messageHint} rows={5} />;
}

/** The applicant's part of the request body. */
export function applicantBody(values: FormValues, language: PortalLanguage): PortalApplicant {
  return {
    fullName: values.fullName ?? '',
    email: values.email ?? '',
    phone: body.text(values.phone),
    position: body.text(values.position),
    companyName: body.text(values.companyName),
    taxCode: body.text(values.taxCode),
    country: body.text(values.country),
    message: body.text(values.message),
    website: values.website ?? '',
    language,
  };
}
