import { Center, Loader, Stack, Text } from '@mantine/core';

/** Whole-screen wait, e.g. while the session is checked before anything else can be shown. */
export function CenteredLoader({ label }: { label: string }) {
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="sm" role="status" aria-live="polite">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}
