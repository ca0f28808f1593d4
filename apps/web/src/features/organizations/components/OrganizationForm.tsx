import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  LeadSource,
  OrganizationKind,
  OrganizationSize,
  type CreateOrganizationRequest,
  type Organization,
} from '@irm/contracts';
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { FormError } from '../../../shared/ui';
import { isKind, isSize, isSource, kindOptions, sizeOptions, sourceOptions } from './options';
import { countryOptions, isValidTaxCode, normalizeTaxCode, sectorOptionGroups } from './reference-data';
import { diacriticInsensitiveFilter } from './search-filter';

const FIELDS = [
  'name',
  'legalName',
  'kind',
  'country',
  'sectors',
  'taxCode',
  'website',
  'size',
  'source',
  'tags',
  'ownerId',
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

const WEBSITE_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const DEFAULT_COUNTRY = 'VN';

export interface OrganizationFormValues {
  name: string;
  legalName: string;
  kind: OrganizationKind;
  country: string | null;
  sectors: string[];
  taxCode: string;
  website: string;
  size: OrganizationSize | null;
  source: LeadSource | null;
  tags: string[];
  ownerId: string;
}

export interface OwnerChoice {
  id: string;
  name: string;
}

interface OrganizationFormProps {
  /** The record being edited; a new one when absent. */
  organization?: Organization;
  /** Who may be chosen as owner; the first is the default for a new record. */
  ownerChoices: readonly OwnerChoice[];
  ownerEditable: boolean;
  ownerHint?: string;
  pending: boolean;
  /** The last failed attempt: its field messages are shown under the fields. */
  error: unknown;
  errorTitle: string;
  /** Shown above the fields, e.g. why the form was reloaded. */
  notice?: ReactNode;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (request: CreateOrganizationRequest) => void;
  'data-testid'?: string;
}

function initialValues(organization: Organization | undefined, defaultOwnerId: string): OrganizationFormValues {
  return {
    name: organization?.name ?? '',
    legalName: organization?.legalName ?? '',
    kind: organization?.kind ?? OrganizationKind.Domestic,
    country: organization?.country ?? DEFAULT_COUNTRY,
    sectors: organization?.sectors ?? [],
    taxCode: organization?.taxCode ?? '',
    website: organization?.website ?? '',
    size: organization?.size ?? null,
    source: organization?.source ?? null,
    tags: organization?.tags ?? [],
    ownerId: organization?.ownerId ?? defaultOwnerId,
  };
}

/** The request the form stands for: text trimmed, empty optional fields sent as null. */
function toRequest(values: OrganizationFormValues): CreateOrganizationRequest {
  const optional = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    legalName: optional(values.legalName),
    kind: values.kind,
    country: values.country ?? '',
    sectors: values.sectors,
    taxCode: optional(normalizeTaxCode(values.taxCode)),
    website: optional(values.website),
    size: values.size,
    source: values.source,
    tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
    ownerId: values.ownerId,
  };
}

/** The server's message for a field, also when it names an element ("sectors.1") or a nested path. */
function serverFieldError(error: ApiError, field: Field): string | undefined {
  const exact = error.fieldError(field);
  if (exact) return exact;
  const nested = error.fieldErrors.find((e) => e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));
  return nested && nested.message.charAt(0).toLocaleUpperCase() + nested.message.slice(1);
}

export function OrganizationForm({
  organization,
  ownerChoices,
  ownerEditable,
  ownerHint,
  pending,
  error,
  errorTitle,
  notice,
  submitLabel,
  onCancel,
  onSubmit,
  'data-testid': testId,
}: OrganizationFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [values, setValues] = useState(() => initialValues(organization, ownerChoices[0]?.id ?? ''));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  // Server messages stay under their field until the person changes that field.
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [seenError, setSeenError] = useState<unknown>(null);
  if (error !== seenError) {
    setSeenError(error);
    const fromServer: FieldErrors = {};
    if (isApiError(error)) {
      for (const field of FIELDS) fromServer[field] = serverFieldError(error, field);
      if (error.status === 409 && error.code !== 'stale_version' && error.fieldErrors.length === 0) {
        fromServer.taxCode = t('investors.duplicate');
      }
    }
    setServerErrors(fromServer);
  }

  const countries = useMemo(() => countryOptions(language), [language]);
  const sectors = useMemo(() => sectorOptionGroups(language), [language]);
  const owners = useMemo(() => {
    const choices = [...ownerChoices];
    // A record owned by someone not in the list (e.g. a deactivated account) still shows its owner.
    if (organization && !choices.some((choice) => choice.id === organization.ownerId)) {
      choices.push({ id: organization.ownerId, name: organization.ownerName });
    }
    return choices.map((choice) => ({ value: choice.id, label: choice.name }));
  }, [ownerChoices, organization]);

  const set = <K extends Field>(field: K, value: OrganizationFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setLocalErrors((current) => ({ ...current, [field]: undefined }));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
  };
  const errorOf = (field: Field) => localErrors[field] ?? serverErrors[field];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = toRequest(values);
    const found: FieldErrors = {
      name: request.name ? undefined : t('investors.nameRequired'),
      country: request.country ? undefined : t('investors.countryRequired'),
      taxCode: !request.taxCode || isValidTaxCode(request.taxCode) ? undefined : t('investors.taxCodeInvalid'),
      website: !request.website || WEBSITE_PATTERN.test(request.website) ? undefined : t('investors.websiteInvalid'),
    };
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    onSubmit(request);
  };

  const shownFields = isApiError(error)
    ? error.fieldErrors
        .map((e) => e.field)
        .filter((name) =>
          FIELDS.some((field) => name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`)),
        )
    : [];
  const duplicateShown = isApiError(error) && error.status === 409 && error.code !== 'stale_version';

  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="md">
        {notice}
        {!duplicateShown && <FormError error={error} title={errorTitle} shownFields={shownFields} />}
        <TextInput
          label={t('investors.name')}
          required
          data-autofocus
          autoComplete="off"
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errorOf('name')}
        />
        <TextInput
          label={t('investors.legalName')}
          description={t('investors.legalNameHint')}
          autoComplete="off"
          value={values.legalName}
          onChange={(event) => set('legalName', event.currentTarget.value)}
          error={errorOf('legalName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <Select
            label={t('investors.kindLabel')}
            required
            allowDeselect={false}
            data={kindOptions(t)}
            value={values.kind}
            onChange={(value) => isKind(value) && set('kind', value)}
            error={errorOf('kind')}
          />
          <Select
            label={t('investors.country')}
            required
            searchable
            allowDeselect={false}
            data={countries}
            filter={diacriticInsensitiveFilter}
            limit={300}
            value={values.country}
            onChange={(value) => set('country', value)}
            error={errorOf('country')}
            nothingFoundMessage={t('investors.nothingFound')}
          />
          <TextInput
            label={t('investors.taxCode')}
            description={t('investors.taxCodeHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={values.taxCode}
            onChange={(event) => set('taxCode', event.currentTarget.value)}
            onBlur={() => set('taxCode', normalizeTaxCode(values.taxCode))}
            error={errorOf('taxCode')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <TextInput
            label={t('investors.website')}
            description={t('investors.websiteHint')}
            type="url"
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            value={values.website}
            onChange={(event) => set('website', event.currentTarget.value)}
            error={errorOf('website')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('investors.sectors')}
          description={t('investors.sectorsHint')}
          searchable
          clearable
          data={sectors}
          filter={diacriticInsensitiveFilter}
          limit={200}
          maxDropdownHeight={280}
          nothingFoundMessage={t('investors.nothingFound')}
          value={values.sectors}
          onChange={(value) => set('sectors', value)}
          error={errorOf('sectors')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <Select
            label={t('investors.sizeLabel')}
            clearable
            data={sizeOptions(t)}
            value={values.size}
            onChange={(value) => set('size', isSize(value) ? value : null)}
            error={errorOf('size')}
          />
          <Select
            label={t('investors.sourceLabel')}
            clearable
            data={sourceOptions(t)}
            value={values.source}
            onChange={(value) => set('source', isSource(value) ? value : null)}
            error={errorOf('source')}
          />
          <TagsInput
            label={t('investors.tags')}
            description={t('investors.tagsHint')}
            clearable
            value={values.tags}
            onChange={(value) => set('tags', value)}
            error={errorOf('tags')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Select
            label={t('investors.owner')}
            allowDeselect={false}
            searchable={owners.length > 8}
            data={owners}
            filter={diacriticInsensitiveFilter}
            value={values.ownerId}
            onChange={(value) => value && set('ownerId', value)}
            disabled={!ownerEditable}
            description={ownerHint}
            error={errorOf('ownerId')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
