import { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1795800200000 implements MigrationInterface {
  name = 'Imports1795800200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "content" bytea NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c45e43598e6cde5b5934cfca7c" PRIMARY KEY ("id"))`,
    );
    // Uncompressed and out of line, so the worker reads the file in slices (substring) without de-toasting all of it.
    await queryRunner.query(`ALTER TABLE "import_file" ALTER COLUMN "content" SET STORAGE EXTERNAL`);
    await queryRunner.query(`CREATE TYPE "public"."import_entity" AS ENUM('organizations', 'contacts')`);
    await queryRunner.query(`CREATE TYPE "public"."import_format" AS ENUM('csv', 'xlsx')`);
    await queryRunner.query(
      `CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity" "public"."import_entity" NOT NULL, "file_id" uuid NOT NULL, "file_name" text NOT NULL, "format" "public"."import_format" NOT NULL, "file_size" integer NOT NULL, "status" "public"."import_status" NOT NULL DEFAULT 'queued', "dry_run" boolean NOT NULL, "columns" jsonb NOT NULL, "ignored_columns" text array NOT NULL DEFAULT '{}', "headers" text array NOT NULL DEFAULT '{}', "total" integer, "processed" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "preview" jsonb NOT NULL DEFAULT '[]', "error_message" text, "dry_run_job_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_import_job_progress" CHECK ("total" IS NULL OR "processed" <= "total"), CONSTRAINT "chk_import_job_counts" CHECK ("processed" = "created" + "updated" + "unchanged" + "failed"), CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_import_job_dry_run" ON "import_job"  ("dry_run_job_id") WHERE "dry_run_job_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_import_job_created_at" ON "import_job"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_import_job_created_by" ON "import_job"  ("created_by_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_row_error" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_id" uuid NOT NULL, "row_number" integer NOT NULL, "field" text, "message" text NOT NULL, "raw" jsonb NOT NULL, CONSTRAINT "PK_4a26e4be1fec4a36f3d8a6a5c6f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_import_row_error_job" ON "import_row_error"  ("job_id", "row_number", "id") `,
    );
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE 'export'`);
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "fk_import_job_file" FOREIGN KEY ("file_id") REFERENCES "import_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "fk_import_job_dry_run" FOREIGN KEY ("dry_run_job_id") REFERENCES "import_job"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "fk_import_job_created_by" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_row_error" ADD CONSTRAINT "fk_import_row_error_job" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_row_error" DROP CONSTRAINT "fk_import_row_error_job"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "fk_import_job_created_by"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "fk_import_job_dry_run"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "fk_import_job_file"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_action_old" AS ENUM('create', 'update', 'delete', 'stage_move', 'login', 'login_failed', 'logout', 'password_change', 'token_create', 'token_revoke', 'permission_denied')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "action" TYPE "public"."audit_action_old" USING "action"::"text"::"public"."audit_action_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action_old" RENAME TO "audit_action"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_row_error_job"`);
    await queryRunner.query(`DROP TABLE "import_row_error"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_job_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_job_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_import_job_dry_run"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
    await queryRunner.query(`DROP TYPE "public"."import_status"`);
    await queryRunner.query(`DROP TYPE "public"."import_format"`);
    await queryRunner.query(`DROP TYPE "public"."import_entity"`);
    await queryRunner.query(`DROP TABLE "import_file"`);
  }
}
