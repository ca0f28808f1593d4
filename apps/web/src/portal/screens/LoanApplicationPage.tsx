import { useMemo } from 'react';
import { LenderKind, LoanApplicantType, type ZoneSector } from '@irm/contracts';
import { portalApi } from '../api';
import { PageHeading } from '../components/ui';
import { SectorField } from '../forms/ApplicantFields';
import { SelectField, TextField } from '../forms/fields';
import { FieldGroup, PublicForm, usePublicForm } from '../forms/PublicForm';
import { body } from '../forms/use-portal-form';
import { useLanguage } from '../i18n';

const FIELDS = {
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
  const { t } = useLanguage();
  const form = usePublicForm({
    fields: FIELDS,
    submit: (values, applicant) =>
      portalApi.loanApplication({
        ...applicant,
        companyName: values.companyName ?? '',
        applicantType: body.text(values.applicantType) as LoanApplicantType,
        lender: values.lender ?? '',
        lenderKind: body.text(values.lenderKind) as LenderKind,
        purpose: values.purpose ?? '',
        requestedVnd: body.integer(values.requestedVnd) as number,
        termMonths: body.integer(values.termMonths) as number | undefined,
        sector: body.text(values.sector) as ZoneSector | undefined,
        expectedJobs: body.number(values.expectedJobs) as number | undefined,
      }),
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
      <PublicForm form={form} submitLabel={t.loan.submit} companyRequired testId="loan-form">
        <FieldGroup legend={t.loan.applicant}>
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
          <SectorField form={form} label={t.loan.sector} placeholder={t.loan.noSector} />
          <TextField form={form} name="expectedJobs" label={t.loan.expectedJobs} inputMode="numeric" />
        </FieldGroup>
      </PublicForm>
    </>
  );
}
