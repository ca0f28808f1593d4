import type { EventAttendee, EventContact } from '@irm/contracts';

/**
 * The event contact being converted, as the attendees table and the contact's own page know it: which follow-up
 * (and the version read), the person, their investor if any, and the event it came from.
 */
export interface ConversionSubject {
  /** The event-contact item. */
  itemId: string;
  itemVersion: number;
  eventId: string | null;
  contactName: string;
  organizationId: string | null;
  organizationName: string | null;
}

export const attendeeConversion = (attendee: EventAttendee): ConversionSubject => ({
  itemId: attendee.itemId,
  itemVersion: attendee.itemVersion,
  eventId: attendee.eventId,
  contactName: attendee.contactName,
  organizationId: attendee.organizationId,
  organizationName: attendee.organizationName,
});

export const eventContactConversion = (item: EventContact): ConversionSubject => ({
  itemId: item.id,
  itemVersion: item.version,
  eventId: item.eventId,
  contactName: item.contactName ?? item.title,
  organizationId: item.organizationId,
  organizationName: item.organizationName,
});
