/*
 * Mentions in note text are written `@[Name](userId)`: readable as plain text, unambiguous for
 * people who share a name, and still showing the name as it was written if the person is renamed.
 */

const MENTION = /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** Mentions one note may carry; more is a broadcast, not a mention. */
export const MAX_MENTIONS = 20;

export type BodyPart = { text: string } | { mention: { id: string; name: string } };

/** The token that mentions a person; brackets in the name would end the token, so they are dropped. */
export function mentionToken(name: string, userId: string): string {
  const label = name.replace(/[[\]()\n]/g, '').trim() || 'user';
  return `@[${label.slice(0, 100)}](${userId.toLowerCase()})`;
}

/** The people a text mentions, each once, in order of first mention. */
export function mentionedUserIds(body: string | null | undefined): string[] {
  if (!body) return [];
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) ids.add(match[2].toLowerCase());
  return [...ids];
}

/** Text and mentions in order, for showing a note with its mentions highlighted. */
export function splitMentions(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const start = match.index;
    if (start > last) parts.push({ text: body.slice(last, start) });
    parts.push({ mention: { name: match[1], id: match[2].toLowerCase() } });
    last = start + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
