import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The investor portal: submissions that came in through the public forms, their hashed tracking links and uploaded
 * documents, the round robin's turn for assigning owners, and public stage labels investors read.
 */
export class Portal1795816000000 implements MigrationInterface {
  name = 'Portal1795816000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_submission" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "kind" "public"."pipeline_kind" NOT NULL, "email" text NOT NULL, "dedupe_key" text NOT NULL, "language" text NOT NULL, "data" jsonb NOT NULL, "submissions" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cd7700e3d0cadc48b22fcab6ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_portal_submission_email" ON "portal_submission"  ("email", "dedupe_key", "last_submitted_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_portal_submission_item" ON "portal_submission"  ("item_id") `);
    await queryRunner.query(
      `CREATE TABLE "portal_tracking_token" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "submission_id" uuid NOT NULL, "token_hash" text NOT NULL, "visible_from" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff0391a6a5007ea0da8e4bf71a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_portal_tracking_token_submission" ON "portal_tracking_token"  ("submission_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_portal_tracking_token_hash" ON "portal_tracking_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "portal_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "file_name" text NOT NULL, "stored_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_portal_document_size" CHECK ("size_bytes" > 0), CONSTRAINT "PK_1a1bd328d9898339bb1e87170a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_portal_document_stored_name" ON "portal_document"  ("stored_name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_portal_document_submission" ON "portal_document"  ("submission_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "portal_assignment_cursor" ("scope" text NOT NULL, "position" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_807c0fe42bc88360e541f7ecedd" PRIMARY KEY ("scope"))`,
    );
    await queryRunner.query(`ALTER TABLE "stage" ADD "public_label_vi" text`);
    await queryRunner.query(`ALTER TABLE "stage" ADD "public_label_en" text`);
    await queryRunner.query(
      `ALTER TABLE "portal_submission" ADD CONSTRAINT "fk_portal_submission_item" FOREIGN KEY ("item_id") REFERENCES "pipeline_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_tracking_token" ADD CONSTRAINT "fk_portal_tracking_token_submission" FOREIGN KEY ("submission_id") REFERENCES "portal_submission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_document" ADD CONSTRAINT "fk_portal_document_submission" FOREIGN KEY ("submission_id") REFERENCES "portal_submission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "portal_document" DROP CONSTRAINT "fk_portal_document_submission"`);
    await queryRunner.query(
      `ALTER TABLE "portal_tracking_token" DROP CONSTRAINT "fk_portal_tracking_token_submission"`,
    );
    await queryRunner.query(`ALTER TABLE "portal_submission" DROP CONSTRAINT "fk_portal_submission_item"`);
    await queryRunner.query(`ALTER TABLE "stage" DROP COLUMN "public_label_en"`);
    await queryRunner.query(`ALTER TABLE "stage" DROP COLUMN "public_label_vi"`);
    await queryRunner.query(`DROP TABLE "portal_assignment_cursor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_portal_document_submission"`);
    await queryRunner.query(`DROP INDEX "public"."uq_portal_document_stored_name"`);
    await queryRunner.query(`DROP TABLE "portal_document"`);
    await queryRunner.query(`DROP INDEX "public"."uq_portal_tracking_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_portal_tracking_token_submission"`);
    await queryRunner.query(`DROP TABLE "portal_tracking_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_portal_submission_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_portal_submission_email"`);
    await queryRunner.query(`DROP TABLE "portal_submission"`);
  }
}
