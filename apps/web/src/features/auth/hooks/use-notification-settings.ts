import type { NotificationSettings, ReminderKind } from '@irm/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { isStaleVersion } from '../../records';
import { fetchNotificationSettings, updateNotificationSettings } from '../api/auth.api';

export function useNotificationSettings() {
  return useQuery({
    queryKey: queryKeys.auth.notifications(),
    queryFn: ({ signal }) => fetchNotificationSettings(signal),
  });
}

export interface NotificationChoice {
  /** The settings as the person saw them: their `version` guards against overwriting another window's save. */
  settings: NotificationSettings;
  kind: ReminderKind;
  on: boolean;
}

/** Saves one switch: every kind as shown, with this one changed. A stale version reloads what was saved. */
export function useUpdateNotificationSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, kind, on }: NotificationChoice) =>
      updateNotificationSettings({ kinds: { ...settings.kinds, [kind]: on }, version: settings.version }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.auth.notifications(), saved),
    onError: (error) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.auth.notifications() });
    },
  });
}
