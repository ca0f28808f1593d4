export { EmailDelivery } from './components/EmailDelivery';
export { EmailStatusBadge } from './components/EmailStatusBadge';
export { FailedEmailsAdmin } from './components/FailedEmailsAdmin';
export { UnsubscribePanel } from './components/UnsubscribePanel';
export { FAILED_EMAILS_PATH, QUEUE_DASHBOARD_PATH, UNSUBSCRIBE_PATH } from './paths';
