import type { DuplicateGroup, DuplicateSubject } from '@irm/contracts';
import { Anchor, Button, Card, Group, Radio, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal, ErrorState, FormError, notify, PageHeader } from '../../../shared/ui';
import { contactPath } from '../../contacts';
import { investorPath } from '../../organizations';
import { useDuplicateGroups, useMergeRecords } from '../api';

const PATHS: Record<DuplicateSubject, (id: string) => string> = {
  organization: investorPath,
  contact: contactPath,
};

/** Look-alike records, a group per name, with a one-step merge into the record the person keeps. */
export function DuplicatesReport() {
  const { t } = useTranslation();
  const [subject, setSubject] = useState<DuplicateSubject>('organization');
  const groups = useDuplicateGroups(subject);
  const items = groups.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        description={t('duplicates.description')}
        actions={
          <SegmentedControl
            value={subject}
            onChange={(value) => setSubject(value as DuplicateSubject)}
            data={[
              { value: 'organization', label: t('duplicates.investors') },
              { value: 'contact', label: t('duplicates.contacts') },
            ]}
          />
        }
      />
      {groups.isPending ? (
        <Stack>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={120} radius="md" />
          ))}
        </Stack>
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : items.length === 0 ? (
        <Card withBorder padding="xl" radius="md">
          <Group justify="center" gap="sm" c="dimmed">
            <IconChecks size={20} />
            <Text>{t('duplicates.none')}</Text>
          </Group>
        </Card>
      ) : (
        <Stack>
          {items.map((group) => (
            <DuplicateGroupCard key={`${subject}-${group.key}`} subject={subject} group={group} />
          ))}
          {groups.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={groups.isFetchingNextPage} onClick={() => void groups.fetchNextPage()}>
                {t('duplicates.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}

function DuplicateGroupCard({ subject, group }: { subject: DuplicateSubject; group: DuplicateGroup }) {
  const { t } = useTranslation();
  const [keptId, setKeptId] = useState(group.records[0].id);
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeRecords();
  const kept = group.records.find((record) => record.id === keptId)!;
  const others = group.records.filter((record) => record.id !== keptId);
  const pathOf = PATHS[subject];

  return (
    <Card withBorder radius="md" padding="md" data-testid="duplicate-group">
      <Radio.Group value={keptId} onChange={setKeptId} label={group.key} labelProps={{ c: 'dimmed', fz: 'xs' }}>
        <Stack gap="xs" mt="xs">
          {group.records.map((record) => (
            <Group key={record.id} justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap" miw={0}>
                <Radio value={record.id} aria-label={`${t('duplicates.keep')}: ${record.name}`} />
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={pathOf(record.id)} fw={600} size="sm">
                    {record.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {[record.detail, t('duplicates.ownedBy', { name: record.ownerName })].filter(Boolean).join(' · ')}
                  </Text>
                </div>
              </Group>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      <Group justify="flex-end" mt="sm">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowMerge size={16} />}
          onClick={() => {
            merge.reset();
            setConfirming(true);
          }}
        >
          {t('duplicates.mergeButton')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('duplicates.mergeTitle', { count: others.length, name: kept.name })}
        message={t('duplicates.mergeBody', { name: kept.name })}
        confirmLabel={t('duplicates.mergeButton')}
        destructive
        pending={merge.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          merge.mutate(
            {
              subject,
              survivorId: kept.id,
              survivorVersion: kept.version,
              duplicates: others.map((record) => ({ id: record.id, version: record.version })),
            },
            {
              onSuccess: () => {
                setConfirming(false);
                notify({ tone: 'success', message: t('duplicates.merged', { name: kept.name }) });
              },
            },
          )
        }
      >
        <FormError error={merge.error} title={t('duplicates.mergeFailed')} />
      </ConfirmModal>
    </Card>
  );
}
