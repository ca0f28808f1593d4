import { MigrationInterface, QueryRunner } from 'typeorm';

export class Contacts1795794700017 implements MigrationInterface {
  name = 'Contacts1795794700017';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."email_consent" AS ENUM('unknown', 'opted_in', 'opted_out')`);
    await queryRunner.query(
      `CREATE TYPE "public"."consent_source" AS ENUM('form', 'event', 'email', 'phone', 'in_person', 'import', 'unsubscribe')`,
    );
    await queryRunner.query(
      `CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" text NOT NULL, "email" citext, "phone" text, "position" text, "organization_id" uuid, "preferred_language" text NOT NULL DEFAULT 'vi', "email_consent" "public"."email_consent" NOT NULL DEFAULT 'unknown', "consent_changed_at" TIMESTAMP WITH TIME ZONE, "consent_source" "public"."consent_source", "owner_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_contact_consent_evidence" CHECK ("email_consent" = 'unknown' OR ("consent_changed_at" IS NOT NULL AND "consent_source" IS NOT NULL)), CONSTRAINT "chk_contact_language" CHECK ("preferred_language" IN ('vi', 'en', 'ja', 'ko', 'zh')), CONSTRAINT "PK_2cbbe00f59ab6b3bb5b8d19f989" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_contact_phone" ON "contact"  ("phone") WHERE "phone" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_contact_email" ON "contact"  ("email") WHERE "email" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_contact_name" ON "contact"  ("full_name", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_contact_organization" ON "contact"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_contact_owner" ON "contact"  ("owner_id") `);
    await queryRunner.query(
      `ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_owner" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Diacritic-insensitive, typo-tolerant search on name and email (LIKE and <% both use it).
    await queryRunner.query(
      `CREATE INDEX "ix_contact_search" ON "contact" USING gin (f_unaccent(lower("full_name" || ' ' || coalesce("email", ''))) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_contact_search"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_owner"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contact_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contact_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contact_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_contact_email"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contact_phone"`);
    await queryRunner.query(`DROP TABLE "contact"`);
    await queryRunner.query(`DROP TYPE "public"."consent_source"`);
    await queryRunner.query(`DROP TYPE "public"."email_consent"`);
  }
}
