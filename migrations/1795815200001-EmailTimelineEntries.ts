import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emails about a record now show on its timeline: one `email` entry per email, written when it is queued.
 * Emails queued before that get their entry here, dated when they were queued.
 */
export class EmailTimelineEntries1795815200001 implements MigrationInterface {
  name = 'EmailTimelineEntries1795815200001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO timeline_entry (subject_type, subject_id, kind, occurred_at, created_at, updated_at, payload, version)
       SELECT m.subject_type::record_subject_type, m.subject_id, 'email', m.created_at, m.created_at, m.created_at,
              jsonb_build_object('emailMessageId', m.id), 1
         FROM email_message m
        WHERE m.subject_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM timeline_entry t
                           WHERE t.kind = 'email' AND t.subject_type::text = m.subject_type
                             AND t.subject_id = m.subject_id AND t.payload ->> 'emailMessageId' = m.id::text)
        ORDER BY m.created_at, m.id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Earlier code shows an email entry as a bare title, with nothing of the email: remove them all.
    await queryRunner.query(`DELETE FROM timeline_entry WHERE kind = 'email' AND payload ? 'emailMessageId'`);
  }
}
