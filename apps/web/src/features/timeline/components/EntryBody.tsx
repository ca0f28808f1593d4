import type { MentionedUser } from '@irm/contracts';
import { splitMentions } from '@irm/domain';
import { Text } from '@mantine/core';

/** Note text with its mentions highlighted, under the mentioned people's current names. */
export function EntryBody({ body, mentions }: { body: string; mentions: readonly MentionedUser[] }) {
  const names = new Map(mentions.map((m) => [m.id, m.name]));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="timeline-body">
      {splitMentions(body).map((part, index) =>
        'text' in part ? (
          part.text
        ) : (
          <Text key={index} span size="sm" fw={600} c="blue.7" data-testid="timeline-mention">
            @{names.get(part.mention.id) ?? part.mention.name}
          </Text>
        ),
      )}
    </Text>
  );
}
