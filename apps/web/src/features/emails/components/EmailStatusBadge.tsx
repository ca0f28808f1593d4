import { EmailStatus } from '@irm/contracts';
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<EmailStatus, string> = {
  [EmailStatus.Queued]: 'blue',
  [EmailStatus.Sending]: 'cyan',
  [EmailStatus.Sent]: 'teal',
  [EmailStatus.Failed]: 'red',
  [EmailStatus.NotSent]: 'gray',
};

/** Where an email's delivery stands; hovering tells what that means. */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`emails.statusHint.${status}`)} multiline w={280} withArrow openDelay={200}>
      <Badge
        variant="light"
        color={COLORS[status] ?? 'gray'}
        radius="sm"
        tt="none"
        fw={600}
        data-testid="email-status"
        data-status={status}
      >
        {t(`emails.status.${status}`)}
      </Badge>
    </Tooltip>
  );
}
