import { AUTHORED_ENTRY_KINDS, type AuthoredEntryKind, type TimelineEntryKind } from '@irm/contracts';

/** Notes, calls and meetings are written (and may be edited) by people; other entries record what happened. */
export function isAuthoredKind(kind: TimelineEntryKind): kind is AuthoredEntryKind {
  return (AUTHORED_ENTRY_KINDS as readonly TimelineEntryKind[]).includes(kind);
}
