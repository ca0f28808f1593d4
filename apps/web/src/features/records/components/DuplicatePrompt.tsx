import type { DuplicateCandidate, DuplicateProblem } from '@irm/contracts';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';

/** The records a create was stopped for, when the server asks the person to confirm; null for any other outcome. */
export function confirmableDuplicates(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error) || error.code !== 'duplicate') return null;
  return (error.problem as DuplicateProblem).candidates ?? [];
}

interface DuplicatePromptProps {
  candidates: DuplicateCandidate[];
  pathOf: (id: string) => string;
  pending: boolean;
  onConfirm: () => void;
}

/** Shows the existing records a new one looks like; the person opens one, or says theirs is different. */
export function DuplicatePrompt({ candidates, pathOf, pending, onConfirm }: DuplicatePromptProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy size={18} />}
      title={t('duplicates.promptTitle')}
      data-testid="duplicate-prompt"
    >
      <Stack gap="xs">
        <Text size="sm">{t('duplicates.promptBody')}</Text>
        {candidates.map((candidate) => (
          <div key={candidate.id}>
            <Anchor component={Link} to={pathOf(candidate.id)} fw={600} size="sm">
              {candidate.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[
                t(`duplicates.match.${candidate.match}`, { percent: Math.round(candidate.similarity * 100) }),
                candidate.detail,
                t('duplicates.ownedBy', { name: candidate.ownerName }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
        ))}
        <Group justify="flex-end">
          <Button variant="default" size="xs" loading={pending} onClick={onConfirm}>
            {t('duplicates.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
