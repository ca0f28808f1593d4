import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordLinks } from '../records/record-links';

/**
 * A contact merge takes the duplicate's attendances with it. Where both people attended the same event, one
 * attendance stays (a person attends once): the one whose event contact went further, the survivor's on a tie.
 * The other's event contact stays in the pipeline with its history, linked to the survivor by the items' own move.
 */
@Injectable()
export class AttendeeLinks implements OnModuleInit {
  constructor(private readonly links: RecordLinks) {}

  onModuleInit(): void {
    this.links.register('eventAttendees', async (manager, subject, fromId, toId) => {
      if (subject !== 'contact') return 0;
      const [, dropped] = (await manager.query(
        `WITH pairs AS (
           SELECT d.id AS duplicate, s.id AS survivor,
                  (SELECT count(*) FROM stage_history h WHERE h.item_id = d.item_id) AS duplicate_moves,
                  (SELECT count(*) FROM stage_history h WHERE h.item_id = s.item_id) AS survivor_moves
             FROM event_attendee d JOIN event_attendee s ON s.event_id = d.event_id AND s.contact_id = $2
            WHERE d.contact_id = $1)
         DELETE FROM event_attendee
          WHERE id IN (SELECT CASE WHEN duplicate_moves > survivor_moves THEN survivor ELSE duplicate END FROM pairs)`,
        [fromId, toId],
      )) as [unknown, number];
      const [, moved] = (await manager.query(`UPDATE event_attendee SET contact_id = $2 WHERE contact_id = $1`, [
        fromId,
        toId,
      ])) as [unknown, number];
      return dropped + moved;
    });
  }
}
