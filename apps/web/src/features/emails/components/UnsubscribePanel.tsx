import type { ReactNode } from 'react';
import { Button, Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconLinkOff, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { ErrorState } from '../../../shared/ui';
import { useUnsubscribe } from '../hooks/use-emails';

/**
 * The page an investor reaches from the unsubscribe link in an email. Nothing happens on opening it (mail
 * scanners open links); the person confirms with the button, which posts the same request as one-click.
 */
export function UnsubscribePanel({ token }: { token: string }) {
  const { t } = useTranslation();
  const unsubscribe = useUnsubscribe();
  const invalid = isApiError(unsubscribe.error) && unsubscribe.error.status === 404;

  if (unsubscribe.isSuccess) {
    return (
      <Outcome
        icon={<IconCircleCheck aria-hidden />}
        color="teal"
        title={t('unsubscribe.doneTitle')}
        body={t('unsubscribe.doneBody')}
        testId="unsubscribe-done"
      />
    );
  }
  if (invalid) {
    return (
      <Outcome
        icon={<IconLinkOff aria-hidden />}
        color="orange"
        title={t('unsubscribe.invalidTitle')}
        body={t('unsubscribe.invalidBody')}
        testId="unsubscribe-invalid"
      />
    );
  }
  return (
    <Card withBorder radius="lg" padding="xl" maw={560} mx="auto" w="100%" data-testid="unsubscribe">
      <Stack gap="md">
        <ThemeIcon size={48} radius="xl" variant="light" color="indigo">
          <IconMailOff aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('unsubscribe.title')}
        </Title>
        <Text>{t('unsubscribe.body')}</Text>
        <Text size="sm" c="dimmed">
          {t('unsubscribe.bodyAgain')}
        </Text>
        {unsubscribe.isError && <ErrorState error={unsubscribe.error} />}
        <Button
          size="md"
          color="red"
          onClick={() => unsubscribe.mutate(token)}
          loading={unsubscribe.isPending}
          data-testid="unsubscribe-confirm"
        >
          {t('unsubscribe.confirm')}
        </Button>
      </Stack>
    </Card>
  );
}

function Outcome({
  icon,
  color,
  title,
  body,
  testId,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  body: string;
  testId: string;
}) {
  return (
    <Card withBorder radius="lg" padding="xl" maw={560} mx="auto" w="100%" data-testid={testId} role="status">
      <Stack gap="md">
        <ThemeIcon size={48} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {title}
        </Title>
        <Text>{body}</Text>
      </Stack>
    </Card>
  );
}
