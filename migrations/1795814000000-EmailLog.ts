import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email log: every email rendered and queued with the change that causes it, and its delivery state
 * (queued, sending, sent, failed, not_sent), one row per idempotency key.
 */
export class EmailLog1795814000000 implements MigrationInterface {
  name = 'EmailLog1795814000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."email_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'not_sent')`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_message" ("id" uuid NOT NULL, "idempotency_key" text NOT NULL, "template_key" text NOT NULL, "language" text NOT NULL, "recipient_email" text NOT NULL, "recipient_name" text, "recipient_user_id" uuid, "recipient_contact_id" uuid, "subject_type" text, "subject_id" uuid, "subject" text NOT NULL, "html_body" text NOT NULL, "text_body" text NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}', "honours_opt_out" boolean NOT NULL DEFAULT false, "message_id" text NOT NULL, "status" "public"."email_status" NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "smtp_message_id" text, "job_id" text, "outbox_message_id" bigint, "claimed_by" text, "claimed_at" TIMESTAMP WITH TIME ZONE, "recoveries" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_email_message_claim" CHECK ("status" <> 'sending' OR ("claimed_by" IS NOT NULL AND "claimed_at" IS NOT NULL)), CONSTRAINT "chk_email_message_sent" CHECK ("status" <> 'sent' OR "sent_at" IS NOT NULL), CONSTRAINT "chk_email_message_attempts" CHECK ("attempts" >= 0), CONSTRAINT "chk_email_message_subject" CHECK (("subject_type" IS NULL) = ("subject_id" IS NULL)), CONSTRAINT "chk_email_message_language" CHECK ("language" IN ('vi', 'en')), CONSTRAINT "PK_9fe3a0a31f2ffe66dd976851792" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_message_recipient_contact" ON "email_message"  ("recipient_contact_id") WHERE "recipient_contact_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_message_recipient_user" ON "email_message"  ("recipient_user_id") WHERE "recipient_user_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_message_unsettled" ON "email_message"  ("id") WHERE "status" IN ('queued', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_message_failed" ON "email_message"  ("failed_at", "id") WHERE "status" = 'failed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_message_subject" ON "email_message"  ("subject_type", "subject_id", "created_at", "id") WHERE "subject_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_email_message_message_id" ON "email_message"  ("message_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_email_message_idempotency_key" ON "email_message"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "email_message" ADD CONSTRAINT "fk_email_message_recipient_user" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_message" ADD CONSTRAINT "fk_email_message_recipient_contact" FOREIGN KEY ("recipient_contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_message" DROP CONSTRAINT "fk_email_message_recipient_contact"`);
    await queryRunner.query(`ALTER TABLE "email_message" DROP CONSTRAINT "fk_email_message_recipient_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_email_message_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."uq_email_message_message_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_message_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_message_failed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_message_unsettled"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_message_recipient_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_message_recipient_contact"`);
    await queryRunner.query(`DROP TABLE "email_message"`);
    await queryRunner.query(`DROP TYPE "public"."email_status"`);
  }
}
