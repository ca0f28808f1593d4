import { useMemo } from 'react';
import { LenderKind, LoanApplicantType, type PublicLoanApplicationRequest, type ZoneSector } from '@irm/contracts';
import { portalApi } from '../api';
import { PageHeading } from '../components/ui';
import {
  APPLICANT_INITIAL,
  ApplicantFields,
  MessageField,
  applicantBody,
  useSectorOptions,
} from '../forms/ApplicantFields';
import { FormAlert, Honeypot, SelectField, SubmitButton, SubmittedScreen, TextField } from '../forms/fields';
import { body, usePortalForm, type FormValues } from '../forms/use-portal-form';
import { useLanguage } from '../i18n';

const INITIAL: FormValues = {
  ...APPLICANT_INITIAL,
  applicantType: '',
  lender: '',
  lenderKind: '',
  purpose: '',
  requestedVnd: '',
  termMonths: '',
  sector: '',
  expectedJobs: '',
};

export function LoanApplicationPage() {
  const { t, language } = useLanguage();
  const sectors = useSectorOptions();

  const form = usePortalForm({
    initial: INITIAL,
    submit: (values) => {
      const request = {
        ...applicantBody(values, language),
        companyName: values.companyName ?? '',
        applicantType: body.text(values.applicantType) as LoanApplicantType,
        lender: values.lender ?? '',
        lenderKind: body.text(values.lenderKind) as LenderKind,
        purpose: values.purpose ?? '',
        requestedVnd: body.integer(values.requestedVnd) as number,
        termMonths: body.integer(values.termMonths) as number | undefined,
        sector: body.text(values.sector) as ZoneSector | undefined,
        expectedJobs: body.number(values.expectedJobs) as number | undefined,
      } satisfies PublicLoanApplicationRequest;
      return portalApi.loanApplication(request);
    },
  });

  const applicantTypes = useMemo(
    () => Object.values(LoanApplicantType).map((value) => ({ value, label: t.loan.applicantTypes[value] })),
    [t],
  );
  const lenderKinds = useMemo(
    () => Object.values(LenderKind).map((value) => ({ value, label: t.loan.lenderKinds[value] })),
    [t],
  );

  return (
    <>
      <PageHeading title={t.loan.title}>
        <p className="lead">{t.loan.intro}</p>
      </PageHeading>
      {form.result ? (
        <SubmittedScreen trackingUrl={form.result.trackingUrl} onAnother={form.reset} />
      ) : (
        <form className="card form" noValidate onSubmit={form.onSubmit} data-testid="loan-form">
          <fieldset className="fieldset">
            <legend>{t.loan.applicant}</legend>
            <div className="grid-2">
              <SelectField
                form={form}
                name="applicantType"
                label={t.loan.applicantType}
                required
                options={applicantTypes}
                placeholder={t.loan.chooseApplicantType}
              />
              <TextField form={form} name="purpose" label={t.loan.purpose} required maxLength={500} />
              <TextField form={form} name="lender" label={t.loan.lender} required />
              <SelectField
                form={form}
                name="lenderKind"
                label={t.loan.lenderKind}
                required
                options={lenderKinds}
                placeholder={t.loan.chooseLenderKind}
              />
              <TextField form={form} name="requestedVnd" label={t.loan.requestedVnd} required inputMode="numeric" />
              <TextField form={form} name="termMonths" label={t.loan.termMonths} inputMode="numeric" />
              <SelectField
                form={form}
                name="sector"
                label={t.loan.sector}
                options={sectors}
                placeholder={t.loan.noSector}
              />
              <TextField form={form} name="expectedJobs" label={t.loan.expectedJobs} inputMode="numeric" />
            </div>
          </fieldset>
          <ApplicantFields form={form} companyRequired />
          <MessageField form={form} />
          <Honeypot form={form} />
          <FormAlert message={form.formError} />
          <SubmitButton form={form} label={t.loan.submit} />
        </form>
      )}
    </>
  );
}
