import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';

/** tools/test-browser.mjs runs a real SMTP server for the app and writes what it accepts here. */
function mailDir(): string {
  const dir = process.env.IRM_BROWSER_MAIL_DIR;
  if (!dir) throw new Error('IRM_BROWSER_MAIL_DIR is not set: run the browser tier with npm run test:browser');
  return dir;
}

function addressedTo(mail: ParsedMail, email: string): boolean {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.some((group) => group.value.some((address) => address.address?.toLowerCase() === email.toLowerCase()));
}

/** Waits until `count` emails to `email` have arrived at the SMTP server (the worker sends them), oldest first. */
export async function waitForMail(email: string, count = 1, timeoutMs = 20_000): Promise<ParsedMail[]> {
  let found: ParsedMail[] = [];
  await expect
    .poll(
      async () => {
        const files = (await readdir(mailDir())).filter((name) => name.endsWith('.eml')).sort();
        const mails = await Promise.all(files.map(async (name) => simpleParser(await readFile(join(mailDir(), name)))));
        found = mails.filter((mail) => addressedTo(mail, email));
        return found.length;
      },
      { timeout: timeoutMs, message: `${count} email(s) to ${email}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The tracking link in an investor's email (APP_URL/track/<token>). */
export function trackingLink(mail: ParsedMail): string {
  const link = /https?:\/\/[^\s"<>]+\/track\/[A-Za-z0-9_-]{20,}/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`No tracking link in “${mail.subject}”:\n${mail.text}`);
  return link;
}

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface StaffApi {
  request: APIRequestContext;
  headers: Record<string, string>;
}

interface Stage {
  id: string;
  key: string;
  name: { vi: string; en: string };
  type: string;
  position: number;
}

/** A pipeline's stages by kind, in order. */
export async function stagesOf(api: StaffApi, kind: string): Promise<Stage[]> {
  const response = await api.request.get('/api/pipelines');
  expect(response.status(), await response.text()).toBe(200);
  const pipelines = (await response.json()) as { kind: string; stages: Stage[] }[];
  const pipeline = pipelines.find((candidate) => candidate.kind === kind);
  if (!pipeline) throw new Error(`No ${kind} pipeline`);
  return [...pipeline.stages].sort((a, b) => a.position - b.position);
}

/** The staff's record of an investor's land enquiry, found by the company's name in its title. */
export async function landEnquiryOf(api: StaffApi, companyName: string): Promise<{ id: string; version: number }> {
  let item: { id: string; version: number } | undefined;
  await expect
    .poll(async () => {
      const response = await api.request.get('/api/land-enquiries', { params: { q: companyName, limit: 5 } });
      expect(response.status(), await response.text()).toBe(200);
      item = ((await response.json()) as { items: { id: string; version: number; title: string }[] }).items.find(
        (candidate) => candidate.title.includes(companyName),
      );
      return Boolean(item);
    })
    .toBe(true);
  return item!;
}
