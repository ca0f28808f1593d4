import { useState, type FormEvent } from 'react';
import type { ApiTokenSummary, CreatedApiToken } from '@irm/contracts';
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmModal, ErrorState, FormError, notify } from '../../../shared/ui';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../hooks/use-api-tokens';

export function ApiTokensPanel() {
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Stack gap="lg">
      <CreateTokenCard onCreated={setCreated} />
      <TokenListCard />
      <NewTokenModal token={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}

function CreateTokenCard({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('tokens.nameRequired'));
      return;
    }
    create.mutate(
      { name: trimmed },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
        onError: (error) => setNameError(isApiError(error) ? error.fieldError('name') : undefined),
      },
    );
  };

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="create-token-title">
      <Title order={2} fz="lg" id="create-token-title" mb="md">
        {t('tokens.createTitle')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="create-token-form">
        <Stack gap="sm">
          <FormError error={create.error} title={t('tokens.createFailed')} shownFields={['name']} />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              placeholder={t('tokens.namePlaceholder')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setNameError(undefined);
              }}
              error={nameError}
              style={{ flex: '1 1 280px' }}
            />
            <Button
              type="submit"
              loading={create.isPending}
              leftSection={<IconPlus size={18} aria-hidden />}
              mt={{ base: 0, sm: 46 }}
            >
              {t('tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function TokenListCard() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);

  let content;
  if (tokens.isPending) {
    content = (
      <Stack gap="sm" aria-busy="true">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} height={36} />
        ))}
      </Stack>
    );
  } else if (tokens.isError) {
    content = <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} retrying={tokens.isFetching} />;
  } else if (tokens.data.length === 0) {
    content = (
      <EmptyState
        icon={<IconPlugConnected aria-hidden />}
        title={t('tokens.emptyTitle')}
        description={t('tokens.emptyDescription')}
        data-testid="tokens-empty"
      />
    );
  } else {
    content = <TokenTable tokens={tokens.data} onRevoke={setRevoking} />;
  }

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="token-list-title">
      <Title order={2} fz="lg" id="token-list-title" mb="md">
        {t('tokens.listTitle')}
      </Title>
      {content}
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiTokenSummary[]; onRevoke: (token: ApiTokenSummary) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lastUsed = (token: ApiTokenSummary) =>
    token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.never');
  const revokeButton = (token: ApiTokenSummary) => (
    <Button
      variant="subtle"
      color="red"
      size="xs"
      leftSection={<IconTrash size={16} aria-hidden />}
      onClick={() => onRevoke(token)}
      aria-label={t('tokens.revokeLabel', { name: token.name })}
    >
      {t('tokens.revoke')}
    </Button>
  );
  return (
    <>
      {/* Small screens: one block per token, so the revoke button is never scrolled out of sight. */}
      <Stack gap={0} hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {tokens.map((token) => (
          <Group
            key={token.id}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            py="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {token.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('tokens.created')}: {format.dateTime(token.createdAt)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('tokens.lastUsed')}: {lastUsed(token)}
              </Text>
            </div>
            {revokeButton(token)}
          </Group>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={560} type="native" visibleFrom="sm">
        <Table verticalSpacing="sm" highlightOnHover data-testid="token-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.created')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th w={1}>
                <VisuallyHidden>{t('tokens.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td fw={500}>{token.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(token.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} c={token.lastUsedAt ? undefined : 'dimmed'}>
                  {lastUsed(token)}
                </Table.Td>
                <Table.Td>{revokeButton(token)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function RevokeTokenModal({ token, onClose }: { token: ApiTokenSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={token !== null}
      title={t('tokens.revokeTitle')}
      message={t('tokens.revokeConfirm', { name: token?.name ?? '' })}
      confirmLabel={t('tokens.revoke')}
      destructive
      pending={revoke.isPending}
      onClose={close}
      onConfirm={() =>
        token &&
        revoke.mutate(token, {
          onSuccess: () => {
            notify({ tone: 'success', message: t('tokens.revoked', { name: token.name }) });
            close();
          },
        })
      }
    >
      <FormError error={revoke.error} title={t('tokens.revokeFailed')} />
    </ConfirmModal>
  );
}

/** The one and only time the secret is visible; closing needs a deliberate click. */
function NewTokenModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('tokens.newTokenTitle', { name: token?.name ?? '' })}
      centered
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {token && (
        <Stack gap="md" data-testid="new-token">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('tokens.newTokenWarning')}
          </Alert>
          <Code block fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="new-token-value">
            {token.token}
          </Code>
          <Text size="sm" c="dimmed">
            {t('tokens.newTokenUsage')} <Code>Authorization: Bearer …</Code>
          </Text>
          <Group justify="space-between" gap="sm">
            <CopyButton value={token.token} timeout={2500}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  onClick={copy}
                  data-autofocus
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('tokens.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
