import type { ReactNode } from 'react';
import { Role, StageType, type Me, type PipelineKind } from '@irm/contracts';
import { Anchor, Avatar, Box, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconBuilding, IconFileOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../../../shared/ui';
import { investorPath } from '../../organizations';
import {
  ReadOnlyNotice,
  RecordActions,
  RecordBackLink,
  RecordBody,
  RecordLoadFailed,
  RecordSkeleton,
} from '../../records';
import { useMoveFlow } from '../hooks/use-move-item';
import { useItem, usePipeline } from '../hooks/use-pipelines';
import { pipelineReturnPath } from '../paths';
import type { PipelineItem } from '../types';
import { OverdueBadge, StageBadge } from './badges';
import { EditItemModal } from './EditItemModal';
import { ItemDetails } from './ItemDetails';
import { LostReasonModal } from './LostReasonModal';
import { MoveToMenu } from './MoveToMenu';
import { StageCard } from './StageCard';

const isManager = (me: Me) => me.role === Role.Manager || me.role === Role.Admin;

interface ItemRecordProps {
  kind: PipelineKind;
  id: string;
  me: Me;
  /** Panels the page adds under the details (matching, tranches, history, tasks, timeline), given the item. */
  panels?: (item: PipelineItem, canChange: boolean) => ReactNode;
  /** Actions of the kind beside edit and move (an event contact's conversion); shown to everyone, told `canChange`. */
  actions?: (item: PipelineItem, canChange: boolean) => ReactNode;
}

/** One pipeline item: what it is, where it stands and how it got there; edit and move for those allowed to. */
export function ItemRecord({ kind, id, me, panels, actions }: ItemRecordProps) {
  const { t } = useTranslation();
  const item = useItem(kind, id);
  usePageTitle(item.data?.title ?? t(`pipelines.kind.${kind}`));

  if (item.isPending) return <RecordSkeleton testId="item-loading" />;
  if (item.isError) {
    return (
      <RecordLoadFailed
        query={item}
        backLink={<BackLink kind={kind} />}
        notFound={{
          icon: <IconFileOff aria-hidden />,
          title: t('pipelines.notFound.title'),
          description: t('pipelines.notFound.description'),
          testId: 'item-not-found',
        }}
      />
    );
  }
  return <RecordView item={item.data} me={me} panels={panels} actions={actions} />;
}

function RecordView({
  item,
  me,
  panels,
  actions,
}: Pick<ItemRecordProps, 'me' | 'panels' | 'actions'> & { item: PipelineItem }) {
  const { t } = useTranslation();
  const { pipeline } = usePipeline(item.kind);
  const flow = useMoveFlow(pipeline);
  const [editOpened, editModal] = useDisclosure(false);
  // The server enforces the same rule; the page only avoids offering what would be refused.
  const canChange = isManager(me) || item.ownerId === me.id;
  const stage = pipeline?.stages.find((s) => s.id === item.stageId);
  const kindActions = actions?.(item, canChange);

  return (
    <Stack gap="lg">
      <BackLink kind={item.kind} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: '1 1 360px' }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} lts={0.4}>
            {t(`pipelines.kind.${item.kind}`)}
          </Text>
          <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }} data-testid="item-title">
            {item.title}
          </Title>
          <Group gap="md" mt={4} wrap="wrap">
            {stage && <StageBadge stage={stage} />}
            {item.overdue && <OverdueBadge slaDueOn={item.slaDueOn} />}
            {item.organizationId && item.organizationName && (
              <Group gap={4} wrap="nowrap">
                <IconBuilding size={16} aria-hidden style={{ opacity: 0.6 }} />
                <Anchor component={Link} to={investorPath(item.organizationId)} size="sm">
                  {item.organizationName}
                </Anchor>
              </Group>
            )}
            <Group gap={6} wrap="nowrap">
              <Avatar name={item.ownerName} color="initials" radius="xl" size={22} aria-hidden />
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('pipelines.field.owner')}:
                </Text>{' '}
                {item.ownerName}
              </Text>
            </Group>
          </Group>
        </Stack>
        {(canChange || kindActions) && (
          <Group gap="sm">
            {kindActions}
            {/* Beside the page the stage card has this button; on small screens that card comes last. */}
            {canChange && pipeline && stage?.type !== StageType.Won && (
              <Box hiddenFrom="md">
                <MoveToMenu pipeline={pipeline} item={item} onMove={(to) => flow.requestMove(item, to)}>
                  <Button variant="default" leftSection={<IconArrowsExchange size={16} aria-hidden />}>
                    {t('pipelines.move.button')}
                  </Button>
                </MoveToMenu>
              </Box>
            )}
            {canChange && <RecordActions name="item" onEdit={editModal.open} />}
          </Group>
        )}
      </Group>
      {!canChange && <ReadOnlyNotice>{t('pipelines.readOnly', { owner: item.ownerName })}</ReadOnlyNotice>}
      <RecordBody
        history={
          pipeline ? (
            <StageCard
              pipeline={pipeline}
              item={item}
              canMove={canChange}
              onMove={(to) => flow.requestMove(item, to)}
            />
          ) : (
            <Skeleton height={320} radius="lg" />
          )
        }
      >
        <ItemDetails item={item} />
        {panels?.(item, canChange)}
      </RecordBody>
      {canChange && <EditItemModal me={me} item={item} opened={editOpened} onClose={editModal.close} />}
      <LostReasonModal pending={flow.pendingLost} onCancel={flow.cancelLost} onConfirm={flow.confirmLost} />
    </Stack>
  );
}

function BackLink({ kind }: { kind: PipelineKind }) {
  const { t } = useTranslation();
  const { state } = useLocation();
  return <RecordBackLink to={pipelineReturnPath(kind, state)}>{t(`pipelines.back.${kind}`)}</RecordBackLink>;
}
