import { useState, type FormEvent } from 'react';
import {
  PortalAssignmentMode,
  ZONE_SECTORS,
  type PortalAssignment,
  type UserSummary,
  type ZoneSector,
} from '@irm/contracts';
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { ErrorState, FormError, PageHeader, notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useActiveStaff, usePortalAssignment, useSavePortalAssignment } from '../hooks/use-investor-portal';

/** Managers choose who owns what the portal brings in: turns among staff, or an owner per sector. */
export function PortalAssignmentSettings() {
  const { t } = useTranslation();
  const assignment = usePortalAssignment();
  const staff = useActiveStaff();
  const save = useSavePortalAssignment();

  return (
    <>
      <PageHeader title={t('portalStaff.assignment.title')} description={t('portalStaff.assignment.description')} />
      {assignment.isPending || staff.isPending ? (
        <Stack gap="sm" aria-busy="true" data-testid="portal-assignment-loading">
          <Skeleton height={40} width={420} />
          <Skeleton height={120} />
        </Stack>
      ) : assignment.isError || staff.isError ? (
        <ErrorState
          error={assignment.error ?? staff.error}
          onRetry={() => void Promise.all([assignment.refetch(), staff.refetch()])}
          retrying={assignment.isFetching || staff.isFetching}
        />
      ) : (
        <Stack gap="md" maw={880}>
          {isStaleVersion(save.error) && (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('portalStaff.assignment.staleTitle')}
              data-testid="portal-assignment-stale"
            >
              {t('portalStaff.assignment.stale')}
            </Alert>
          )}
          {/* A new version (saved here, or by someone else) starts the form again from what the server holds. */}
          <AssignmentForm key={assignment.data.version} assignment={assignment.data} staff={staff.data} save={save} />
        </Stack>
      )}
    </>
  );
}

interface AssignmentFormProps {
  assignment: PortalAssignment;
  staff: UserSummary[];
  save: ReturnType<typeof useSavePortalAssignment>;
}

function AssignmentForm({ assignment, staff, save }: AssignmentFormProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState(assignment.mode);
  const [staffIds, setStaffIds] = useState(assignment.staffIds);
  const [sectorOwners, setSectorOwners] = useState(assignment.sectorOwners);
  const bySector = mode === PortalAssignmentMode.BySector;

  // People the rule names who are no longer active still need a label, so that they can be taken out.
  const known = new Set(staff.map((person) => person.id));
  const named = [...staffIds, ...Object.values(sectorOwners)].filter((id): id is string => !!id && !known.has(id));
  const options = [
    ...staff.map((person) => ({ value: person.id, label: person.name })),
    ...[...new Set(named)].map((id) => ({ value: id, label: t('portalStaff.assignment.inactiveUser') })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const owners = Object.fromEntries(
      Object.entries(sectorOwners).filter(([, id]) => id),
    ) as PortalAssignment['sectorOwners'];
    save.mutate(
      { mode, staffIds, sectorOwners: owners, version: assignment.version },
      { onSuccess: () => notify({ tone: 'success', message: t('portalStaff.assignment.saved') }) },
    );
  };

  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="form"
      onSubmit={submit}
      noValidate
      data-testid="portal-assignment"
    >
      <Stack gap="lg">
        <Radio.Group
          label={t('portalStaff.assignment.mode')}
          value={mode}
          onChange={(value) => setMode(value as PortalAssignmentMode)}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value={PortalAssignmentMode.RoundRobin}
              label={t('portalStaff.assignment.roundRobin')}
              description={t('portalStaff.assignment.roundRobinHint')}
              data-testid="mode-round-robin"
            />
            <Radio
              value={PortalAssignmentMode.BySector}
              label={t('portalStaff.assignment.bySector')}
              description={t('portalStaff.assignment.bySectorHint')}
              data-testid="mode-by-sector"
            />
          </Stack>
        </Radio.Group>

        <div data-testid="portal-staff">
          <MultiSelect
            label={t('portalStaff.assignment.staff')}
            description={
              bySector ? t('portalStaff.assignment.staffHintBySector') : t('portalStaff.assignment.staffHint')
            }
            placeholder={staffIds.length ? undefined : t('portalStaff.assignment.staffPlaceholder')}
            data={options}
            value={staffIds}
            onChange={setStaffIds}
            searchable
            clearable
            nothingFoundMessage={t('portalStaff.assignment.nobodyFound')}
          />
        </div>

        {bySector && (
          <div>
            <Title order={2} fz="md">
              {t('portalStaff.assignment.sectorOwners')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('portalStaff.assignment.sectorOwnersHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" data-testid="sector-owners">
              {ZONE_SECTORS.map((sector: ZoneSector) => (
                <Select
                  key={sector}
                  label={t(`zones.sector.${sector}`)}
                  placeholder={t('portalStaff.assignment.noOwner')}
                  data={options}
                  value={sectorOwners[sector] ?? null}
                  onChange={(id) => setSectorOwners((current) => ({ ...current, [sector]: id ?? undefined }))}
                  searchable
                  clearable
                  nothingFoundMessage={t('portalStaff.assignment.nobodyFound')}
                  data-sector={sector}
                />
              ))}
            </SimpleGrid>
          </div>
        )}

        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('portalStaff.assignment.fallback')}</Text>
        </Alert>

        {isApiError(save.error) && save.error.status === 422 ? (
          <Alert color="red" variant="light" role="alert" title={t('portalStaff.assignment.saveFailed')}>
            {t('portalStaff.assignment.inactive')}
          </Alert>
        ) : (
          !isStaleVersion(save.error) && <FormError error={save.error} title={t('portalStaff.assignment.saveFailed')} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="portal-assignment-save">
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
