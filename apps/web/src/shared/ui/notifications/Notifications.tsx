import { Notification, Portal } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { dismissNotification, useNotifications, type NotificationTone } from './notifications-store';
import classes from './Notifications.module.css';

const TONES: Record<NotificationTone, { color: string; icon: typeof IconCheck }> = {
  success: { color: 'teal', icon: IconCheck },
  info: { color: 'irm', icon: IconInfoCircle },
  warning: { color: 'orange', icon: IconAlertTriangle },
  error: { color: 'red', icon: IconX },
};

/** Renders the messages sent with `notify`; mount once, near the root. */
export function Notifications() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  return (
    <Portal>
      <div className={classes.viewport} aria-live="polite" data-testid="notifications">
        {notifications.map(({ id, tone, title, message }) => {
          const { color, icon: Icon } = TONES[tone];
          return (
            <Notification
              key={id}
              className={classes.item}
              color={color}
              icon={<Icon size={18} aria-hidden />}
              title={title}
              withBorder
              radius="md"
              role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}
              closeButtonProps={{ 'aria-label': t('common.close') }}
              onClose={() => dismissNotification(id)}
            >
              {message}
            </Notification>
          );
        })}
      </div>
    </Portal>
  );
}
