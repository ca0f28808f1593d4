import { MigrationInterface, QueryRunner } from 'typeorm';

export class Organizations1795793483544 implements MigrationInterface {
  name = 'Organizations1795793483544';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organization_kind" AS ENUM('domestic', 'foreign_invested', 'joint_venture')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."organization_size" AS ENUM('micro', 'small', 'medium', 'large')`);
    await queryRunner.query(
      `CREATE TYPE "public"."lead_source" AS ENUM('promotion_event', 'referral', 'website', 'walk_in', 'embassy', 'existing_investor', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "legal_name" text, "kind" "public"."organization_kind" NOT NULL, "country" character(2) NOT NULL, "sectors" text array NOT NULL DEFAULT '{}', "tax_code" text, "website" text, "size" "public"."organization_size", "owner_id" uuid NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "source" "public"."lead_source", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organization_tax_code" ON "organization"  ("tax_code") WHERE "tax_code" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_organization_name" ON "organization"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_organization_owner" ON "organization"  ("owner_id") `);
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "fk_organization_owner" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // unaccent() is only STABLE; this fixed-dictionary wrapper is IMMUTABLE, so expressions using it can be indexed.
    await queryRunner.query(
      `CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    // Diacritic-insensitive, typo-tolerant name search (LIKE and <% both use it).
    await queryRunner.query(
      `CREATE INDEX "ix_organization_search" ON "organization" USING gin (f_unaccent(lower("name" || ' ' || coalesce("legal_name", ''))) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_organization_search"`);
    await queryRunner.query(`DROP FUNCTION f_unaccent(text)`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "fk_organization_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organization_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organization_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organization_tax_code"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "public"."lead_source"`);
    await queryRunner.query(`DROP TYPE "public"."organization_size"`);
    await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
  }
}
