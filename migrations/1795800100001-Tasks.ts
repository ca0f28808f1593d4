import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795800100001 implements MigrationInterface {
  name = 'Tasks1795800100001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "notes" text, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "remind_at" TIMESTAMP WITH TIME ZONE, "assignee_id" uuid NOT NULL, "subject_type" "public"."record_subject_type", "subject_id" uuid, "done" boolean NOT NULL DEFAULT false, "done_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "due_notified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_task_done_at" CHECK ("done" = ("done_at" IS NOT NULL)), CONSTRAINT "chk_task_subject_pair" CHECK (("subject_type" IS NULL) = ("subject_id" IS NULL)), CONSTRAINT "chk_task_remind_before_due" CHECK ("remind_at" IS NULL OR "remind_at" <= "due_at"), CONSTRAINT "chk_task_title" CHECK (length(btrim("title")) > 0), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_due_pending" ON "task"  ("due_at") WHERE "due_notified_at" IS NULL AND NOT "done"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_remind_pending" ON "task"  ("remind_at") WHERE "remind_at" IS NOT NULL AND "reminder_sent_at" IS NULL AND NOT "done"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_subject_due" ON "task"  ("subject_type", "subject_id", "due_at", "id") WHERE "subject_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_assignee_due" ON "task"  ("assignee_id", "done", "due_at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_assignee" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_created_by" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_created_by"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_assignee"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_assignee_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_subject_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_remind_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_due_pending"`);
    await queryRunner.query(`DROP TABLE "task"`);
  }
}
