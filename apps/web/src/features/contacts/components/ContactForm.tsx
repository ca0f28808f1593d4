import { useState, type FormEvent, type ReactNode } from 'react';
import {
  EmailConsent,
  type ConsentSource,
  type Contact,
  type ContactLanguage,
  type CreateContactRequest,
} from '@irm/contracts';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '../../../shared/api';
import { FormError } from '../../../shared/ui';
import { diacriticInsensitiveFilter } from '../../organizations/components/search-filter';
import {
  consentNeedsSource,
  consentOptions,
  consentSourceOptions,
  isConsent,
  isConsentSource,
  isContactLanguage,
  languageOptions,
} from './options';
import { OrganizationPicker, type OrganizationChoice } from './OrganizationPicker';
import { isPlausiblePhone } from './phone';

const FIELDS = [
  'fullName',
  'position',
  'organizationId',
  'email',
  'phone',
  'preferredLanguage',
  'emailConsent',
  'consentSource',
  'ownerId',
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

// Deliberately loose: one "@" and a dot in the domain; the server validates properly.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ContactFormValues {
  fullName: string;
  position: string;
  organization: OrganizationChoice | null;
  email: string;
  phone: string;
  preferredLanguage: ContactLanguage;
  emailConsent: EmailConsent;
  consentSource: ConsentSource | null;
  ownerId: string;
}

export interface OwnerChoice {
  id: string;
  name: string;
}

interface ContactFormProps {
  /** The record being edited; a new one when absent. */
  contact?: Contact;
  /** For a new contact: the investor it is added from. */
  organization?: OrganizationChoice;
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
  onSubmit: (request: CreateContactRequest) => void;
  'data-testid'?: string;
}

function initialValues(
  contact: Contact | undefined,
  organization: OrganizationChoice | undefined,
  defaultOwnerId: string,
): ContactFormValues {
  const linked =
    contact?.organizationId && contact.organizationName
      ? { value: contact.organizationId, label: contact.organizationName }
      : (organization ?? null);
  return {
    fullName: contact?.fullName ?? '',
    position: contact?.position ?? '',
    organization: contact ? (contact.organizationId ? linked : null) : linked,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    preferredLanguage: contact?.preferredLanguage ?? 'vi',
    emailConsent: contact?.emailConsent ?? EmailConsent.Unknown,
    consentSource: contact?.consentSource ?? null,
    ownerId: contact?.ownerId ?? defaultOwnerId,
  };
}

/** The request the form stands for: text trimmed, empty optional fields sent as null. */
function toRequest(values: ContactFormValues): CreateContactRequest {
  const optional = (value: string) => value.trim() || null;
  return {
    fullName: values.fullName.trim(),
    position: optional(values.position),
    organizationId: values.organization?.value ?? null,
    email: optional(values.email),
    phone: optional(values.phone),
    preferredLanguage: values.preferredLanguage,
    emailConsent: values.emailConsent,
    consentSource: consentNeedsSource(values.emailConsent) ? values.consentSource : null,
    ownerId: values.ownerId,
  };
}

function serverErrors(error: unknown, duplicateMessage: string): FieldErrors {
  const found: FieldErrors = {};
  if (!isApiError(error)) return found;
  for (const field of FIELDS) found[field] = (error as ApiError).fieldError(field);
  if (error.status === 409 && error.code !== 'stale_version' && !found.email) found.email = duplicateMessage;
  return found;
}

export function ContactForm({
  contact,
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
}: ContactFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(contact, organization, ownerChoices[0]?.id ?? ''));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  // Server messages stay under their field until the person changes that field.
  const [fromServer, setFromServer] = useState<FieldErrors>({});
  const [seenError, setSeenError] = useState<unknown>(null);
  if (error !== seenError) {
    setSeenError(error);
    setFromServer(serverErrors(error, t('contacts.duplicateEmail')));
  }

  const owners = [...ownerChoices];
  // A contact owned by someone not in the list (e.g. a deactivated account) still shows its owner.
  if (contact && !owners.some((choice) => choice.id === contact.ownerId)) {
    owners.push({ id: contact.ownerId, name: contact.ownerName });
  }

  const set = <K extends keyof ContactFormValues>(field: K, value: ContactFormValues[K], errorField?: Field) => {
    setValues((current) => ({ ...current, [field]: value }));
    const key = errorField ?? (field as Field);
    setLocalErrors((current) => ({ ...current, [key]: undefined }));
    setFromServer((current) => ({ ...current, [key]: undefined }));
  };
  const errorOf = (field: Field) => localErrors[field] ?? fromServer[field];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = toRequest(values);
    const found: FieldErrors = {
      fullName: request.fullName ? undefined : t('contacts.nameRequired'),
      email: !request.email || EMAIL_PATTERN.test(request.email) ? undefined : t('contacts.emailInvalid'),
      phone: !request.phone || isPlausiblePhone(request.phone) ? undefined : t('contacts.phoneInvalid'),
      consentSource:
        consentNeedsSource(values.emailConsent) && !values.consentSource
          ? t('contacts.consentSourceRequired')
          : undefined,
    };
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    onSubmit(request);
  };

  const shownFields = isApiError(error)
    ? error.fieldErrors.map((e) => e.field).filter((name) => (FIELDS as readonly string[]).includes(name))
    : [];
  const duplicateShown = isApiError(error) && error.status === 409 && error.code !== 'stale_version';
  const showSource = consentNeedsSource(values.emailConsent);

  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="md">
        {notice}
        {!duplicateShown && <FormError error={error} title={errorTitle} shownFields={shownFields} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput
            label={t('contacts.fullName')}
            required
            data-autofocus
            autoComplete="off"
            value={values.fullName}
            onChange={(event) => set('fullName', event.currentTarget.value)}
            error={errorOf('fullName')}
          />
          <TextInput
            label={t('contacts.position')}
            placeholder={t('contacts.positionHint')}
            autoComplete="off"
            value={values.position}
            onChange={(event) => set('position', event.currentTarget.value)}
            error={errorOf('position')}
          />
        </SimpleGrid>
        <OrganizationPicker
          label={t('contacts.organization')}
          description={t('contacts.organizationHint')}
          placeholder={t('contacts.organizationSearch')}
          value={values.organization}
          onChange={(value) => set('organization', value, 'organizationId')}
          error={errorOf('organizationId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput
            label={t('contacts.email')}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errorOf('email')}
          />
          <TextInput
            label={t('contacts.phone')}
            description={t('contacts.phoneHint')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            error={errorOf('phone')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Select
            label={t('contacts.languageLabel')}
            description={t('contacts.languageHint')}
            allowDeselect={false}
            data={languageOptions(t)}
            value={values.preferredLanguage}
            onChange={(value) => isContactLanguage(value) && set('preferredLanguage', value)}
            error={errorOf('preferredLanguage')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Select
            label={t('contacts.owner')}
            allowDeselect={false}
            searchable={owners.length > 8}
            data={owners.map((choice) => ({ value: choice.id, label: choice.name }))}
            filter={diacriticInsensitiveFilter}
            value={values.ownerId}
            onChange={(value) => value && set('ownerId', value)}
            disabled={!ownerEditable}
            description={ownerHint}
            error={errorOf('ownerId')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Select
            label={t('contacts.consentLabel')}
            allowDeselect={false}
            data={consentOptions(t)}
            value={values.emailConsent}
            onChange={(value) => isConsent(value) && set('emailConsent', value)}
            error={errorOf('emailConsent')}
          />
          {showSource && (
            <Select
              label={t('contacts.consentSourceLabel')}
              description={t('contacts.consentSourceHint')}
              required
              data={consentSourceOptions(t)}
              value={values.consentSource}
              onChange={(value) => set('consentSource', isConsentSource(value) ? value : null)}
              error={errorOf('consentSource')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          )}
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
