import { useMemo } from 'react';
import type { PublicLandEnquiryRequest, ZoneSector } from '@irm/contracts';
import { portalApi, useZones } from '../api';
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
import { useRouter } from '../router';

export function LandEnquiryPage() {
  const { t, language, format } = useLanguage();
  const { location } = useRouter();
  const zones = useZones({});
  const sectors = useSectorOptions();
  const chosenZone = location.search.get('zone') ?? '';

  const initial = useMemo<FormValues>(
    () => ({
      ...APPLICANT_INITIAL,
      zoneId: chosenZone,
      requestedAreaHa: '',
      sector: '',
      capitalUsd: '',
      expectedJobs: '',
      wantedBy: '',
    }),
    [chosenZone],
  );

  const form = usePortalForm({
    initial,
    submit: (values) => {
      const request: PublicLandEnquiryRequest = {
        ...applicantBody(values, language),
        companyName: values.companyName ?? '',
        zoneId: body.text(values.zoneId),
        requestedAreaHa: body.number(values.requestedAreaHa) as number,
        sector: body.text(values.sector) as ZoneSector | undefined,
        capitalUsd: body.number(values.capitalUsd) as number | undefined,
        expectedJobs: body.number(values.expectedJobs) as number | undefined,
        wantedBy: body.text(values.wantedBy),
      };
      return portalApi.landEnquiry(request);
    },
  });

  const zoneOptions = useMemo(
    () =>
      (zones.data?.items ?? [])
        .filter((zone) => zone.availableHa > 0 || zone.id === chosenZone)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((zone) => ({
          value: zone.id,
          label: `${zone.name} (${t.zoneTypeShort[zone.type]}, ${zone.district}) — ${t.common.hectares(format.hectares(zone.availableHa))}`,
        })),
    [zones.data, chosenZone, t, format],
  );

  return (
    <>
      <PageHeading title={t.land.title}>
        <p className="lead">{t.land.intro}</p>
      </PageHeading>
      {form.result ? (
        <SubmittedScreen trackingUrl={form.result.trackingUrl} onAnother={form.reset} />
      ) : (
        <form className="card form" noValidate onSubmit={form.onSubmit} data-testid="land-enquiry-form">
          <fieldset className="fieldset">
            <legend>{t.land.project}</legend>
            <div className="grid-2">
              <SelectField
                form={form}
                name="zoneId"
                label={t.land.zone}
                options={zoneOptions}
                placeholder={t.land.anyZone}
              />
              <TextField
                form={form}
                name="requestedAreaHa"
                label={t.land.requestedAreaHa}
                required
                inputMode="decimal"
              />
              <SelectField
                form={form}
                name="sector"
                label={t.land.sector}
                options={sectors}
                placeholder={t.land.noSector}
              />
              <TextField form={form} name="capitalUsd" label={t.land.capitalUsd} inputMode="decimal" />
              <TextField form={form} name="expectedJobs" label={t.land.expectedJobs} inputMode="numeric" />
              <TextField form={form} name="wantedBy" label={t.land.wantedBy} type="date" />
            </div>
          </fieldset>
          <ApplicantFields form={form} companyRequired />
          <MessageField form={form} />
          <Honeypot form={form} />
          <FormAlert message={form.formError} />
          <SubmitButton form={form} label={t.land.submit} />
        </form>
      )}
    </>
  );
}
