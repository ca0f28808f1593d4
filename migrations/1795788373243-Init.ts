import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795788373243 implements MigrationInterface {
  name = 'Init1795788373243';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."pipeline_kind" AS ENUM('prospect', 'land_enquiry', 'loan_application', 'event_contact')`,
    );
    await queryRunner.query(
      `CREATE TABLE "pipeline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."pipeline_kind" NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df8aedd50509192d995535d68cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_pipeline_kind" ON "pipeline"  ("kind") `);
    await queryRunner.query(`CREATE TYPE "public"."stage_type" AS ENUM('open', 'won', 'lost')`);
    await queryRunner.query(
      `CREATE TABLE "stage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid NOT NULL, "key" text NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, "type" "public"."stage_type" NOT NULL, "position" integer NOT NULL, "sla_working_days" integer, "retired_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "chk_stage_sla_positive" CHECK ("sla_working_days" IS NULL OR "sla_working_days" > 0), CONSTRAINT "PK_c54d11b3c24a188262844af1612" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stage_pipeline_key" ON "stage"  ("pipeline_id", "key") `);
    await queryRunner.query(
      `CREATE TABLE "setting" ("key" text NOT NULL, "value" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c4c95d773004250c157a744d6e" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "queue" text NOT NULL, "job_name" text NOT NULL, "payload" jsonb NOT NULL, "delay_ms" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_message_pending" ON "outbox_message"  ("id") WHERE "relayed_at" IS NULL`,
    );
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('admin', 'manager', 'staff')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "name" text NOT NULL, "role" "public"."user_role" NOT NULL, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "language" text NOT NULL DEFAULT 'vi', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE TYPE "public"."zone_type" AS ENUM('industrial_park', 'industrial_cluster')`);
    await queryRunner.query(`CREATE TYPE "public"."zone_status" AS ENUM('planned', 'established', 'operating')`);
    await queryRunner.query(
      `CREATE TABLE "zone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "type" "public"."zone_type" NOT NULL, "name" text NOT NULL, "district" text NOT NULL, "status" "public"."zone_status" NOT NULL, "total_area_ha" numeric(10,2) NOT NULL, "industrial_land_ha" numeric(10,2) NOT NULL, "leased_ha" numeric(10,2) NOT NULL DEFAULT '0', "reserved_ha" numeric(10,2) NOT NULL DEFAULT '0', "infrastructure_investor" text, "sectors" text array NOT NULL DEFAULT '{}', "illustrative" boolean NOT NULL DEFAULT false, "source" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_zone_industrial_within_total" CHECK ("industrial_land_ha" <= "total_area_ha"), CONSTRAINT "chk_zone_land_bank_not_oversold" CHECK ("leased_ha" + "reserved_ha" <= "industrial_land_ha"), CONSTRAINT "chk_zone_land_bank_non_negative" CHECK ("industrial_land_ha" >= 0 AND "leased_ha" >= 0 AND "reserved_ha" >= 0), CONSTRAINT "PK_bd3989e5a3c3fb5ed546dfaf832" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_zone_code" ON "zone"  ("code") `);
    await queryRunner.query(
      `ALTER TABLE "stage" ADD CONSTRAINT "fk_stage_pipeline" FOREIGN KEY ("pipeline_id") REFERENCES "pipeline"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stage" DROP CONSTRAINT "fk_stage_pipeline"`);
    await queryRunner.query(`DROP INDEX "public"."uq_zone_code"`);
    await queryRunner.query(`DROP TABLE "zone"`);
    await queryRunner.query(`DROP TYPE "public"."zone_status"`);
    await queryRunner.query(`DROP TYPE "public"."zone_type"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_message_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "setting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stage_pipeline_key"`);
    await queryRunner.query(`DROP TABLE "stage"`);
    await queryRunner.query(`DROP TYPE "public"."stage_type"`);
    await queryRunner.query(`DROP INDEX "public"."uq_pipeline_kind"`);
    await queryRunner.query(`DROP TABLE "pipeline"`);
    await queryRunner.query(`DROP TYPE "public"."pipeline_kind"`);
  }
}
