import { useMemo, useState, type ReactNode } from 'react';
import { MantineProvider, mergeThemeOverrides, PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryClientProvider } from '@tanstack/react-query';
import { Notifications } from '../shared/ui';
import { createAppQueryClient } from './session';
import { theme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createAppQueryClient);
  const { t } = useTranslation();
  // Words Mantine writes itself (the password visibility toggle's label) follow the chosen language.
  const localizedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
          }),
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={localizedTheme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {children}
        <Notifications />
      </QueryClientProvider>
    </MantineProvider>
  );
}
