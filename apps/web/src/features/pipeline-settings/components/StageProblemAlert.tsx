import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconRefreshAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isStalePipeline, stageProblemMessage, stageRuleOf } from './stage-problems';

interface StageProblemAlertProps {
  error: unknown;
  title: string;
  /** Rules the form already explains under its fields (e.g. a name clash). */
  shownRules?: readonly string[];
}

/** Why a stage change was refused, in the reader's language; a stale version is a notice, not a failure. */
export function StageProblemAlert({ error, title, shownRules = [] }: StageProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const rule = stageRuleOf(error);
  if (rule && shownRules.includes(rule)) return null;
  const stale = isStalePipeline(error);
  return (
    <Alert
      color={stale ? 'orange' : 'red'}
      variant="light"
      title={stale ? undefined : title}
      icon={stale ? <IconRefreshAlert aria-hidden /> : <IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="stage-problem"
    >
      {stageProblemMessage(error, t)}
    </Alert>
  );
}
