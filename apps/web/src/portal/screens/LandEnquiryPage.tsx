import { useMemo } from 'react';
import type { ZoneSector } from '@irm/contracts';
import { portalApi, useZones } from '../api';
import { PageHeading } from '../components/ui';
import { SectorField } from '../forms/ApplicantFields';
import { SelectField, TextField } from '../forms/fields';
import { FieldGroup, PublicForm, usePublicForm } from '../forms/PublicForm';
import { body } from '../forms/use-portal-form';
import { useLanguage } from '../i18n';
import { useRouter } from '../router';

export function LandEnquiryPage() {
  const { t, format } = useLanguage();
  const { location } = useRouter();
  const zones = useZones({});
  const chosenZone = location.search.get('zone') ?? '';

  const fields = useMemo(
    () => ({ zoneId: chosenZone, requestedAreaHa: '', sector: '', capitalUsd: '', expectedJobs: '', wantedBy: '' }),
    [chosenZone],
  );
  const form = usePublicForm({
    fields,
    submit: (values, applicant) =>
      portalApi.landEnquiry({
        ...applicant,
        companyName: values.companyName ?? '',
        zoneId: body.text(values.zoneId),
        requestedAreaHa: body.number(values.requestedAreaHa) as number,
        sector: body.text(values.sector) as ZoneSector | undefined,
        capitalUsd: body.number(values.capitalUsd) as number | undefined,
        expectedJobs: body.number(values.expectedJobs) as number | undefined,
        wantedBy: body.text(values.wantedBy),
      }),
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
      <PublicForm form={form} submitLabel={t.land.submit} companyRequired testId="land-enquiry-form">
        <FieldGroup legend={t.land.project}>
          <SelectField
            form={form}
            name="zoneId"
            label={t.land.zone}
            options={zoneOptions}
            placeholder={t.land.anyZone}
          />
          <TextField form={form} name="requestedAreaHa" label={t.land.requestedAreaHa} required inputMode="decimal" />
          <SectorField form={form} label={t.land.sector} placeholder={t.land.noSector} />
          <TextField form={form} name="capitalUsd" label={t.land.capitalUsd} inputMode="decimal" />
          <TextField form={form} name="expectedJobs" label={t.land.expectedJobs} inputMode="numeric" />
          <TextField form={form} name="wantedBy" label={t.land.wantedBy} type="date" />
        </FieldGroup>
      </PublicForm>
    </>
  );
}
