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

/** A colleague picked while typing; the text being edited shows them as "@Name". */
export interface ChosenMention {
  id: string;
  name: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body to store from what a person typed: each picked "@Name" still in the text becomes a mention token.
 * Longer names first, so "@Lan Anh" is not taken for "@Lan".
 */
export function toStoredBody(text: string, chosen: readonly ChosenMention[]): string {
  return [...chosen]
    .sort((a, b) => b.name.length - a.name.length)
    .reduce(
      (body, person) =>
        body.replace(new RegExp(`@${escape(person.name)}(?![\\p{L}\\p{N}])`, 'gu'), () =>
          mentionToken(person.name, person.id),
        ),
      text,
    );
}

/** The text to edit from a stored body: tokens shown as "@Name", the people remembered for saving. */
export function toEditableText(body: string): { text: string; mentions: ChosenMention[] } {
  const mentions: ChosenMention[] = [];
  const text = splitMentions(body)
    .map((part) => {
      if ('text' in part) return part.text;
      if (!mentions.some((m) => m.id === part.mention.id)) mentions.push(part.mention);
      return `@${part.mention.name}`;
    })
    .join('');
  return { text, mentions };
}

/** The mention being typed just before the caret: where its "@" is and the text after it. */
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([^\s@[\]()][^@\n[\]()]{0,29})?$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}
