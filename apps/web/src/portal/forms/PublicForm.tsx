import { useMemo, type ReactNode } from 'react';
import type { PortalApplicant, PortalSubmitted } from '@irm/contracts';
import type { ApiError } from '../../shared/api/api-error';
import { useLanguage, type Dictionary } from '../i18n';
import { APPLICANT_INITIAL, ApplicantFields, MessageField, applicantBody } from './ApplicantFields';
import { FormAlert, Honeypot, SubmitButton, SubmittedScreen } from './fields';
import { usePortalForm, type FormValues, type PortalForm } from './use-portal-form';

interface Options {
  /** The form's own fields and their starting values (the applicant's are added). */
  fields?: FormValues;
  /** Sends the request: the form's values, and the applicant's part of the body already built from them. */
  submit(values: FormValues, applicant: PortalApplicant): Promise<PortalSubmitted>;
  problemMessage?(error: ApiError, t: Dictionary): string | undefined;
}

/** A public form about an investor's request: the applicant's fields, the language and the honeypot included. */
export function usePublicForm({ fields, submit, problemMessage }: Options): PortalForm<PortalSubmitted> {
  const { language } = useLanguage();
  const initial = useMemo(() => ({ ...APPLICANT_INITIAL, ...fields }), [fields]);
  return usePortalForm({
    initial,
    submit: (values) => submit(values, applicantBody(values, language)),
    problemMessage,
  });
}

interface PublicFormProps {
  form: PortalForm<PortalSubmitted>;
  submitLabel: string;
  companyRequired: boolean;
  testId: string;
  /** The id of the heading that names the form, when it is not the page's. */
  labelledBy?: string;
  /** What comes before the applicant's fields: the request itself. */
  children?: ReactNode;
}

/**
 * Every public form: its own part, who is writing, the message, the honeypot, the form's alert and the button; once
 * sent, the screen with the tracking link instead.
 */
export function PublicForm({ form, submitLabel, companyRequired, testId, labelledBy, children }: PublicFormProps) {
  if (form.result) return <SubmittedScreen trackingUrl={form.result.trackingUrl} onAnother={form.reset} />;
  return (
    <form className="card form" noValidate onSubmit={form.onSubmit} aria-labelledby={labelledBy} data-testid={testId}>
      {children}
      <ApplicantFields form={form} companyRequired={companyRequired} />
      <MessageField form={form} />
      <Honeypot form={form} />
      <FormAlert message={form.formError} />
      <SubmitButton form={form} label={submitLabel} />
    </form>
  );
}

/** A titled group of a form's fields in two columns (one on a phone). */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="grid-2">{children}</div>
    </fieldset>
  );
}
