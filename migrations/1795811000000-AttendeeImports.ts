import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendee lists import into an event: the job names its event (kept when the event goes, as a job without one,
 * which then stops with a message).
 */
export class AttendeeImports1795811000000 implements MigrationInterface {
  name = 'AttendeeImports1795811000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" ADD "event_id" uuid`);
    await queryRunner.query(`ALTER TYPE "public"."import_entity" ADD VALUE 'attendees'`);
    await queryRunner.query(
      `CREATE INDEX "ix_import_job_event" ON "import_job"  ("event_id") WHERE "event_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "fk_import_job_event" FOREIGN KEY ("event_id") REFERENCES "promotion_event"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "fk_import_job_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_job_event"`);
    await queryRunner.query(`DELETE FROM "import_job" WHERE "entity" = 'attendees'`);
    await queryRunner.query(`CREATE TYPE "public"."import_entity_old" AS ENUM('organizations', 'contacts')`);
    await queryRunner.query(
      `ALTER TABLE "import_job" ALTER COLUMN "entity" TYPE "public"."import_entity_old" USING "entity"::"text"::"public"."import_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."import_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."import_entity_old" RENAME TO "import_entity"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP COLUMN "event_id"`);
  }
}
