import type { EmailMessage, Page, RetryEmailRequest } from '@irm/contracts';
import { api } from '../../../shared/api';

const PAGE_SIZE = 50;

/** Emails that gave up, most recent first (admins). */
export function fetchFailedEmails(cursor: string | null, signal?: AbortSignal): Promise<Page<EmailMessage>> {
  return api.get<Page<EmailMessage>>('/emails/failed', { query: { limit: PAGE_SIZE, cursor }, signal });
}

export function retryEmail(id: string, request: RetryEmailRequest): Promise<EmailMessage> {
  return api.post<EmailMessage>(`/emails/${encodeURIComponent(id)}/retry`, request);
}

/** The investor's own opt-out from the link in an email; no sign-in, the token is the authority. */
export function unsubscribe(token: string): Promise<void> {
  return api.post<void>(`/public/unsubscribe/${encodeURIComponent(token)}`);
}
