import type { Translation } from './vi';

export const emailsEn: Translation['emails'] = {
  status: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    not_sent: 'Not sent',
  },
  statusHint: {
    queued: 'Waiting for its turn; the system tries again by itself if the mail server has not taken it yet.',
    sending: 'Being handed to the mail server.',
    sent: 'The mail server accepted it.',
    failed: 'The mail server refused it after every attempt. An admin can send it again.',
    not_sent: 'Deliberately not sent: the recipient unsubscribed, or no mail server is set up.',
  },
  template: {
    notification: 'Notification',
    investor_notification: 'Notification to an investor',
    user_invitation: 'Account invitation',
    password_reset: 'Password reset',
  },
  attempts_one: '{{count}} attempt',
  attempts_other: '{{count}} attempts',
  lastError: 'Last error',
  details: 'Delivery details',
  hideDetails: 'Hide details',
  to: 'To: {{recipient}}',
  sentAt: 'Sent {{when}}',
  failedAt: 'Failed {{when}}',
  timelineTitle: 'Email: {{subject}}',
  failed: {
    title: 'Failed deliveries',
    description:
      'Emails the mail server refused after every attempt. Fix the cause (the address, the mail server), then send them again.',
    queues: 'Queue dashboard',
    columns: {
      recipient: 'Recipient',
      subject: 'Subject',
      attempts: 'Attempts',
      lastError: 'Last error',
      failedAt: 'Failed at',
      record: 'Record',
    },
    actions: 'Actions',
    retry: 'Retry',
    retryLabel: 'Send “{{subject}}” to {{recipient}} again',
    retried: '“{{subject}}” is queued again.',
    stale: 'This email changed meanwhile (someone may have retried it). The list is reloaded.',
    retryFailed: 'Could not queue the email again',
    emptyTitle: 'No failed deliveries',
    emptyDescription: 'Every email has reached the mail server or is still being tried.',
    shown: '{{count}} failed emails',
    noRecord: 'No record',
    subjectType: {
      organization: 'Investor',
      contact: 'Contact',
      zone: 'Industrial zone',
      prospect: 'Investor prospect',
      land_enquiry: 'Land enquiry',
      loan_application: 'Loan application',
      event_contact: 'Event contact',
    },
  },
};

export const unsubscribeEn: Translation['unsubscribe'] = {
  title: 'Unsubscribe from our emails',
  body: 'You will receive no more emails from the investment promotion agency, including news about what you submitted and invitations to events.',
  bodyAgain: 'You can ask to receive emails again at any time by contacting the agency.',
  confirm: 'Unsubscribe',
  doneTitle: 'You are unsubscribed',
  doneBody:
    'We will not email you any more. If this was a mistake, contact the investment promotion agency to receive emails again.',
  invalidTitle: 'This link does not work',
  invalidBody:
    'The unsubscribe link is incomplete or no longer valid. Open the link in the email again (copy all of it), or contact the investment promotion agency.',
  failed: 'Could not unsubscribe yet',
  pageTitle: 'Unsubscribe',
};

export const notificationsEn: Translation['notifications'] = {
  title: 'Email reminders',
  hint: 'Choose which reminders the system emails you. Account emails (invitations, password resets) always go out.',
  kinds: {
    task_reminder: {
      label: 'Task reminders',
      description: 'At the reminder time of a task assigned to you.',
    },
    sla_overdue: {
      label: 'Overdue items',
      description: 'When an item you own stays in a stage past its response time.',
    },
    sla_escalation: {
      label: 'Items overdue for long',
      description: 'For managers: items still overdue some working days later.',
    },
    event_follow_up: {
      label: 'Event follow-up',
      description: 'Some working days after an event, about its contacts still in “Met”.',
    },
    daily_digest: {
      label: 'Daily digest',
      description: '07:30 on working days: what moved, overdue items and your tasks.',
    },
  },
  on: 'On: {{kind}}',
  off: 'Off: {{kind}}',
  saveFailed: 'Could not save your reminder choice',
  stale: 'Your choices were changed in another window. They are reloaded; choose again.',
  loadFailed: 'Could not load your reminder choices',
};
