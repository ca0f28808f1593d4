import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  PromotionEventKind,
  Role,
  type CreatePromotionEventRequest,
  type Me,
  type PromotionEvent,
  type UserSummary,
} from '@irm/contracts';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { FormError } from '../../../shared/ui';
import { diacriticInsensitiveFilter } from '../../organizations/components/search-filter';
import { ColleaguePicker } from '../../people';
import { countryOptions, eventKindOptions, isEventKind } from './options';

const FIELDS = [
  'name',
  'kind',
  'startsOn',
  'endsOn',
  'place',
  'country',
  'budgetVnd',
  'organizer',
  'description',
  'ownerId',
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

interface Values {
  name: string;
  kind: PromotionEventKind;
  startsOn: string;
  endsOn: string;
  place: string;
  country: string | null;
  budgetVnd: number | string;
  organizer: string;
  description: string;
  owner: UserSummary | null;
}

function initialValues(event: PromotionEvent | undefined): Values {
  return {
    name: event?.name ?? '',
    kind: event?.kind ?? PromotionEventKind.Conference,
    startsOn: event?.startsOn ?? '',
    endsOn: event?.endsOn ?? '',
    place: event?.place ?? '',
    country: event?.country ?? 'VN',
    budgetVnd: event?.budgetVnd ?? '',
    organizer: event?.organizer ?? '',
    description: event?.description ?? '',
    owner: event ? { id: event.ownerId, name: event.ownerName, email: '' } : null,
  };
}

function toRequest(values: Values): CreatePromotionEventRequest {
  const optional = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    kind: values.kind,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    place: values.place.trim(),
    country: values.country ?? '',
    budgetVnd: typeof values.budgetVnd === 'number' ? values.budgetVnd : null,
    organizer: optional(values.organizer),
    description: optional(values.description),
    ...(values.owner && { ownerId: values.owner.id }),
  };
}

interface EventFormProps {
  me: Me;
  /** The event being edited; a new one when absent. */
  event?: PromotionEvent;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  notice?: ReactNode;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (request: CreatePromotionEventRequest) => void;
  'data-testid'?: string;
}

/** An event's fields, checked as typed where the rule is plain, and the server's messages under each field. */
export function EventForm({
  me,
  event,
  pending,
  error,
  errorTitle,
  notice,
  submitLabel,
  onCancel,
  onSubmit,
  'data-testid': testId,
}: EventFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [values, setValues] = useState(() => initialValues(event));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [seenError, setSeenError] = useState<unknown>(null);
  if (error !== seenError) {
    setSeenError(error);
    const fromServer: FieldErrors = {};
    if (isApiError(error)) for (const field of FIELDS) fromServer[field] = error.fieldError(field);
    setServerErrors(fromServer);
  }
  const countries = useMemo(() => countryOptions(language), [language]);
  const canAssign = me.role === Role.Manager || me.role === Role.Admin;

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    const key = (field === 'owner' ? 'ownerId' : field) as Field;
    setLocalErrors((current) => ({ ...current, [key]: undefined }));
    setServerErrors((current) => ({ ...current, [key]: undefined }));
  };

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!values.name.trim()) found.name = t('events.form.nameRequired');
    if (!values.place.trim()) found.place = t('events.form.placeRequired');
    if (!values.startsOn) found.startsOn = t('events.form.dateRequired');
    if (!values.endsOn) found.endsOn = t('events.form.dateRequired');
    else if (values.startsOn && values.endsOn < values.startsOn) found.endsOn = t('events.form.endsBeforeStart');
    if (!values.country) found.country = t('events.form.countryRequired');
    return found;
  };

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const found = validate();
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    onSubmit(toRequest(values));
  };

  const errorOf = (field: Field) => localErrors[field] ?? serverErrors[field];
  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="md">
        {notice}
        <FormError error={error} title={errorTitle} shownFields={FIELDS} />
        <TextInput
          label={t('events.field.name')}
          placeholder={t('events.form.namePlaceholder')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errorOf('name')}
          maxLength={300}
          data-autofocus
          data-testid="event-name"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('events.field.kind')}
            required
            data={eventKindOptions(t)}
            value={values.kind}
            onChange={(value) => isEventKind(value) && set('kind', value)}
            allowDeselect={false}
            error={errorOf('kind')}
            data-testid="event-kind"
          />
          <Select
            label={t('events.field.country')}
            required
            data={countries}
            value={values.country}
            onChange={(value) => set('country', value)}
            searchable
            filter={diacriticInsensitiveFilter}
            limit={300}
            nothingFoundMessage={t('events.nothingFound')}
            error={errorOf('country')}
            data-testid="event-country"
          />
          <TextInput
            type="date"
            label={t('events.field.startsOn')}
            required
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={errorOf('startsOn')}
            data-testid="event-starts-on"
          />
          <TextInput
            type="date"
            label={t('events.field.endsOn')}
            required
            min={values.startsOn || undefined}
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
            error={errorOf('endsOn')}
            data-testid="event-ends-on"
          />
        </SimpleGrid>
        <TextInput
          label={t('events.field.place')}
          placeholder={t('events.form.placePlaceholder')}
          required
          value={values.place}
          onChange={(e) => set('place', e.currentTarget.value)}
          error={errorOf('place')}
          maxLength={300}
          data-testid="event-place"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('events.field.organizer')}
            placeholder={t('events.form.organizerPlaceholder')}
            value={values.organizer}
            onChange={(e) => set('organizer', e.currentTarget.value)}
            error={errorOf('organizer')}
            maxLength={300}
          />
          <NumberInput
            label={t('events.field.budgetVnd')}
            description={t('events.form.budgetHint')}
            value={values.budgetVnd}
            onChange={(value) => set('budgetVnd', value)}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={language === 'vi' ? '.' : ','}
            decimalSeparator={language === 'vi' ? ',' : '.'}
            suffix=" ₫"
            error={errorOf('budgetVnd')}
            data-testid="event-budget"
          />
        </SimpleGrid>
        <Textarea
          label={t('events.field.description')}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errorOf('description')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={5000}
        />
        {canAssign && (
          <ColleaguePicker
            label={t('events.field.owner')}
            description={t('events.form.ownerHint')}
            placeholder={me.name}
            value={values.owner}
            onChange={(owner) => set('owner', owner)}
            clearable
            error={errorOf('ownerId')}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="event-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
