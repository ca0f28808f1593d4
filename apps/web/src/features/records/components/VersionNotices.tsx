import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, List, Stack, Text } from '@mantine/core';
import { IconLock, IconRefreshAlert } from '@tabler/icons-react';
import type { FieldDifference, FieldDisplay } from './field-display';

/** The notice is at the top of a long form whose save button is at the bottom: bring it into view. */
function useScrolledIntoView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return ref;
}

interface StaleNoticeProps {
  message: ReactNode;
  changedTitle: ReactNode;
  /** What someone else changed; empty until their copy has been loaded. */
  differences: readonly FieldDifference[];
  display: FieldDisplay;
}

/** Someone else saved the record first: says so and lists what they changed. */
export function StaleNotice({ message, changedTitle, differences, display }: StaleNoticeProps) {
  const ref = useScrolledIntoView<HTMLDivElement>();
  return (
    <Alert
      ref={ref}
      color="orange"
      variant="light"
      icon={<IconRefreshAlert aria-hidden />}
      role="alert"
      data-testid="stale-notice"
    >
      <Stack gap={6}>
        <Text size="sm">{message}</Text>
        {differences.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {changedTitle}
            </Text>
            <List size="sm" spacing={2}>
              {differences.map(({ field, before: was, after: now }) => (
                <List.Item key={field}>
                  <Text span size="sm" fw={500}>
                    {display.label(field)}:
                  </Text>{' '}
                  <Text span size="sm" td="line-through" c="dimmed">
                    {display.value(field, was)}
                  </Text>{' '}
                  → {display.value(field, now)}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

/** The server refused the save (403). */
export function ForbiddenNotice({ children }: { children: ReactNode }) {
  const ref = useScrolledIntoView<HTMLDivElement>();
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconLock aria-hidden />}
      role="alert"
      data-testid="forbidden-notice"
    >
      {children}
    </Alert>
  );
}
