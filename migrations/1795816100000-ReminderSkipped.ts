import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders planned long after their moment are recorded as skipped (REMINDER_SKIP_AFTER_HOURS). */
export class ReminderSkipped1795816100000 implements MigrationInterface {
  name = 'ReminderSkipped1795816100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."reminder_status" ADD VALUE 'skipped'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // An enum value cannot be dropped: the type is made again without it, skipped rows becoming cancelled.
    await queryRunner.query(`UPDATE "reminder" SET "status" = 'cancelled' WHERE "status" = 'skipped'`);
    await queryRunner.query(`DROP INDEX "public"."ix_reminder_pending"`);
    await queryRunner.query(`ALTER TABLE "reminder" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`CREATE TYPE "public"."reminder_status_old" AS ENUM('pending', 'fired', 'cancelled')`);
    await queryRunner.query(
      `ALTER TABLE "reminder" ALTER COLUMN "status" TYPE "public"."reminder_status_old" USING "status"::"text"::"public"."reminder_status_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."reminder_status"`);
    await queryRunner.query(`ALTER TYPE "public"."reminder_status_old" RENAME TO "reminder_status"`);
    await queryRunner.query(`ALTER TABLE "reminder" ALTER COLUMN "status" SET DEFAULT 'pending'`);
    await queryRunner.query(
      `CREATE INDEX "ix_reminder_pending" ON "reminder" ("due_at", "id") WHERE "status" = 'pending'`,
    );
  }
}
