import { MigrationInterface, QueryRunner } from 'typeorm';

export class Timeline1795800100000 implements MigrationInterface {
  name = 'Timeline1795800100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."record_subject_type" AS ENUM('organization', 'contact', 'zone', 'prospect', 'land_enquiry', 'loan_application', 'event_contact')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."timeline_entry_kind" AS ENUM('note', 'call', 'meeting', 'edit', 'task', 'stage_move', 'email', 'portal_message')`,
    );
    await queryRunner.query(
      `CREATE TABLE "timeline_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "subject_type" "public"."record_subject_type" NOT NULL, "subject_id" uuid NOT NULL, "kind" "public"."timeline_entry_kind" NOT NULL, "body" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "author_id" uuid, "mentions" uuid array NOT NULL DEFAULT '{}', "payload" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_timeline_entry_note_body" CHECK ("kind" <> 'note' OR length(btrim("body")) > 0), CONSTRAINT "PK_61a61c7f75f9c69d73d7a2fd666" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_timeline_entry_subject" ON "timeline_entry"  ("subject_type", "subject_id", "occurred_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "timeline_entry" ADD CONSTRAINT "fk_timeline_entry_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "timeline_entry" DROP CONSTRAINT "fk_timeline_entry_author"`);
    await queryRunner.query(`DROP INDEX "public"."ix_timeline_entry_subject"`);
    await queryRunner.query(`DROP TABLE "timeline_entry"`);
    await queryRunner.query(`DROP TYPE "public"."timeline_entry_kind"`);
    await queryRunner.query(`DROP TYPE "public"."record_subject_type"`);
  }
}
