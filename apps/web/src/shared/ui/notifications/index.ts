export { Notifications } from './Notifications';
export { dismissNotification, notify, type NotificationTone, type NotifyInput } from './notifications-store';
