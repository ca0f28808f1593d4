import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders: one row per thing reminded of (a task, an overdue item, an event's follow-up, a loan deadline),
 * with its due time and occurrence; the delayed BullMQ jobs are made from these rows. Outbox messages may now
 * name their job id and a moment to run at.
 */
export class Reminders1795815000000 implements MigrationInterface {
  name = 'Reminders1795815000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_kind" AS ENUM('task_reminder', 'sla_overdue', 'sla_escalation', 'event_follow_up', 'loan_documents', 'loan_milestone')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."reminder_status" AS ENUM('pending', 'fired', 'cancelled')`);
    await queryRunner.query(
      `CREATE TABLE "reminder" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slot" text NOT NULL, "kind" "public"."reminder_kind" NOT NULL, "subject_type" "public"."record_subject_type", "subject_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."reminder_status" NOT NULL DEFAULT 'pending', "occurrence" integer NOT NULL DEFAULT '1', "recoveries" integer NOT NULL DEFAULT '0', "fired_at" TIMESTAMP WITH TIME ZONE, "emails" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ec029d17cb8dece186b9221ede" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reminder_pending" ON "reminder"  ("due_at", "id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reminder_slot" ON "reminder"  ("slot") `);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "run_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "job_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "job_id"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "run_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reminder_slot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reminder_pending"`);
    await queryRunner.query(`DROP TABLE "reminder"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_status"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_kind"`);
  }
}
