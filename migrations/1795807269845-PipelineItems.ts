import { MigrationInterface, QueryRunner } from 'typeorm';

export class PipelineItems1795807269845 implements MigrationInterface {
  name = 'PipelineItems1795807269845';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."promotion_event_kind" AS ENUM('conference', 'roadshow', 'trade_fair', 'site_visit_tour', 'webinar')`,
    );
    await queryRunner.query(
      `CREATE TABLE "promotion_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" "public"."promotion_event_kind" NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "place" text NOT NULL, "country" character(2) NOT NULL, "budget_vnd" bigint, "organizer" text, "description" text, "owner_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_promotion_event_budget" CHECK ("budget_vnd" IS NULL OR "budget_vnd" >= 0), CONSTRAINT "chk_promotion_event_name" CHECK (length(btrim("name")) > 0), CONSTRAINT "chk_promotion_event_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_62f838572139f50c118ab7e9d41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_promotion_event_starts" ON "promotion_event"  ("starts_on", "id") `);
    await queryRunner.query(
      `CREATE TABLE "pipeline_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."pipeline_kind" NOT NULL, "pipeline_id" uuid NOT NULL, "stage_id" uuid NOT NULL, "title" text NOT NULL, "owner_id" uuid NOT NULL, "organization_id" uuid, "contact_id" uuid, "event_id" uuid, "zone_id" uuid, "source_item_id" uuid, "sector" text, "source" "public"."lead_source", "area_ha" numeric(10,2), "capital_usd" numeric(16,2), "expected_jobs" integer, "amount_vnd" bigint, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sla_due_on" date, "overdue_from" date, "lost_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_pipeline_item_amount" CHECK ("amount_vnd" IS NULL OR "amount_vnd" > 0), CONSTRAINT "chk_pipeline_item_jobs" CHECK ("expected_jobs" IS NULL OR "expected_jobs" >= 0), CONSTRAINT "chk_pipeline_item_capital" CHECK ("capital_usd" IS NULL OR "capital_usd" >= 0), CONSTRAINT "chk_pipeline_item_area" CHECK ("area_ha" IS NULL OR "area_ha" > 0), CONSTRAINT "chk_pipeline_item_title" CHECK (length(btrim("title")) > 0), CONSTRAINT "PK_4c6cc4137a6a9a053f3ca875f4f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_source_item" ON "pipeline_item"  ("source_item_id") WHERE "source_item_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_zone" ON "pipeline_item"  ("zone_id") WHERE "zone_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_event" ON "pipeline_item"  ("event_id") WHERE "event_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_contact" ON "pipeline_item"  ("contact_id") WHERE "contact_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_organization" ON "pipeline_item"  ("organization_id") WHERE "organization_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_overdue" ON "pipeline_item"  ("pipeline_id", "overdue_from") WHERE "overdue_from" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_pipeline_updated" ON "pipeline_item"  ("pipeline_id", "updated_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_pipeline_item_owner" ON "pipeline_item"  ("owner_id", "stage_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_stage" ON "pipeline_item"  ("stage_id", "stage_entered_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_attendee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "item_id" uuid NOT NULL, "added_by_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74780f7235f1576b54f93d3dff3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_event_attendee_item" ON "event_attendee"  ("item_id") `);
    await queryRunner.query(`CREATE INDEX "ix_event_attendee_contact" ON "event_attendee"  ("contact_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_event_attendee_contact" ON "event_attendee"  ("event_id", "contact_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "stage_history" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "item_id" uuid NOT NULL, "pipeline_id" uuid NOT NULL, "from_stage_id" uuid, "to_stage_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "moved_by_id" uuid, "moved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "working_days_in_stage" integer, "breached_sla" boolean NOT NULL DEFAULT false, "reason" text, CONSTRAINT "PK_789f0cb9e2d415c00798cec5087" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_stage_history_pipeline" ON "stage_history"  ("pipeline_id", "moved_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_stage_history_to_stage" ON "stage_history"  ("to_stage_id", "moved_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_stage_history_item" ON "stage_history"  ("item_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "land_enquiry" ("item_id" uuid NOT NULL, "preferred_zone_ids" uuid array NOT NULL DEFAULT '{}', "reserved_ha" numeric(10,2) NOT NULL DEFAULT '0', "leased_ha" numeric(10,2) NOT NULL DEFAULT '0', "held_zone_id" uuid, "wanted_by" date, CONSTRAINT "chk_land_enquiry_held" CHECK ("reserved_ha" >= 0 AND "leased_ha" >= 0), CONSTRAINT "PK_4cbc4f179cc2bf415290e896028" PRIMARY KEY ("item_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."loan_applicant_type" AS ENUM('sme', 'cluster_infrastructure')`);
    await queryRunner.query(`CREATE TYPE "public"."lender_kind" AS ENUM('bank', 'fund')`);
    await queryRunner.query(
      `CREATE TABLE "loan_application" ("item_id" uuid NOT NULL, "applicant_type" "public"."loan_applicant_type" NOT NULL, "lender" text NOT NULL, "lender_kind" "public"."lender_kind" NOT NULL, "purpose" text NOT NULL, "approved_vnd" bigint, "planned_vnd" bigint NOT NULL DEFAULT '0', "disbursed_vnd" bigint NOT NULL DEFAULT '0', "interest_support_rate" numeric(5,2), "term_months" integer, CONSTRAINT "chk_loan_application_term" CHECK ("term_months" IS NULL OR "term_months" > 0), CONSTRAINT "chk_loan_application_rate" CHECK ("interest_support_rate" IS NULL OR ("interest_support_rate" >= 0 AND "interest_support_rate" <= 100)), CONSTRAINT "chk_loan_application_tranches_within_approved" CHECK ("disbursed_vnd" >= 0 AND "disbursed_vnd" <= "planned_vnd" AND "planned_vnd" <= COALESCE("approved_vnd", 0)), CONSTRAINT "chk_loan_application_approved" CHECK ("approved_vnd" IS NULL OR "approved_vnd" > 0), CONSTRAINT "PK_499ddc0c7849f429279dab14376" PRIMARY KEY ("item_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "loan_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "document_key" text NOT NULL, "note" text, "received_by_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1162b73e917782488992080abca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_loan_document_key" ON "loan_document"  ("application_id", "document_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "loan_tranche" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "sequence" integer NOT NULL, "milestone" text NOT NULL, "required_progress_pct" integer NOT NULL, "amount_vnd" bigint NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by_id" uuid, "released_at" TIMESTAMP WITH TIME ZONE, "released_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "chk_loan_tranche_released_by" CHECK (("released_at" IS NULL) = ("released_by_id" IS NULL)), CONSTRAINT "chk_loan_tranche_confirmed_by" CHECK (("confirmed_at" IS NULL) = ("confirmed_by_id" IS NULL)), CONSTRAINT "chk_loan_tranche_release_after_confirm" CHECK ("released_at" IS NULL OR "confirmed_at" IS NOT NULL), CONSTRAINT "chk_loan_tranche_milestone" CHECK (length(btrim("milestone")) > 0), CONSTRAINT "chk_loan_tranche_progress" CHECK ("required_progress_pct" BETWEEN 0 AND 100), CONSTRAINT "chk_loan_tranche_amount" CHECK ("amount_vnd" > 0), CONSTRAINT "PK_56cf1b47b957160a2bc6a3aa2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_loan_tranche_sequence" ON "loan_tranche"  ("application_id", "sequence") `,
    );
    await queryRunner.query(
      `ALTER TABLE "promotion_event" ADD CONSTRAINT "fk_promotion_event_owner" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_pipeline" FOREIGN KEY ("pipeline_id") REFERENCES "pipeline"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_stage" FOREIGN KEY ("stage_id") REFERENCES "stage"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_owner" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_contact" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_event" FOREIGN KEY ("event_id") REFERENCES "promotion_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_zone" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pipeline_item" ADD CONSTRAINT "fk_pipeline_item_source_item" FOREIGN KEY ("source_item_id") REFERENCES "pipeline_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendee" ADD CONSTRAINT "fk_event_attendee_event" FOREIGN KEY ("event_id") REFERENCES "promotion_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendee" ADD CONSTRAINT "fk_event_attendee_contact" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendee" ADD CONSTRAINT "fk_event_attendee_item" FOREIGN KEY ("item_id") REFERENCES "pipeline_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendee" ADD CONSTRAINT "fk_event_attendee_added_by" FOREIGN KEY ("added_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_history" ADD CONSTRAINT "fk_stage_history_item" FOREIGN KEY ("item_id") REFERENCES "pipeline_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_history" ADD CONSTRAINT "fk_stage_history_from_stage" FOREIGN KEY ("from_stage_id") REFERENCES "stage"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_history" ADD CONSTRAINT "fk_stage_history_to_stage" FOREIGN KEY ("to_stage_id") REFERENCES "stage"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stage_history" ADD CONSTRAINT "fk_stage_history_moved_by" FOREIGN KEY ("moved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "land_enquiry" ADD CONSTRAINT "fk_land_enquiry_item" FOREIGN KEY ("item_id") REFERENCES "pipeline_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan_application" ADD CONSTRAINT "fk_loan_application_item" FOREIGN KEY ("item_id") REFERENCES "pipeline_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan_document" ADD CONSTRAINT "fk_loan_document_application" FOREIGN KEY ("application_id") REFERENCES "loan_application"("item_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan_document" ADD CONSTRAINT "fk_loan_document_received_by" FOREIGN KEY ("received_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan_tranche" ADD CONSTRAINT "fk_loan_tranche_application" FOREIGN KEY ("application_id") REFERENCES "loan_application"("item_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan_tranche" ADD CONSTRAINT "fk_loan_tranche_confirmed_by" FOREIGN KEY ("confirmed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan_tranche" ADD CONSTRAINT "fk_loan_tranche_released_by" FOREIGN KEY ("released_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "loan_tranche" DROP CONSTRAINT "fk_loan_tranche_released_by"`);
    await queryRunner.query(`ALTER TABLE "loan_tranche" DROP CONSTRAINT "fk_loan_tranche_confirmed_by"`);
    await queryRunner.query(`ALTER TABLE "loan_tranche" DROP CONSTRAINT "fk_loan_tranche_application"`);
    await queryRunner.query(`ALTER TABLE "loan_document" DROP CONSTRAINT "fk_loan_document_received_by"`);
    await queryRunner.query(`ALTER TABLE "loan_document" DROP CONSTRAINT "fk_loan_document_application"`);
    await queryRunner.query(`ALTER TABLE "loan_application" DROP CONSTRAINT "fk_loan_application_item"`);
    await queryRunner.query(`ALTER TABLE "land_enquiry" DROP CONSTRAINT "fk_land_enquiry_item"`);
    await queryRunner.query(`ALTER TABLE "stage_history" DROP CONSTRAINT "fk_stage_history_moved_by"`);
    await queryRunner.query(`ALTER TABLE "stage_history" DROP CONSTRAINT "fk_stage_history_to_stage"`);
    await queryRunner.query(`ALTER TABLE "stage_history" DROP CONSTRAINT "fk_stage_history_from_stage"`);
    await queryRunner.query(`ALTER TABLE "stage_history" DROP CONSTRAINT "fk_stage_history_item"`);
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP CONSTRAINT "fk_event_attendee_added_by"`);
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP CONSTRAINT "fk_event_attendee_item"`);
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP CONSTRAINT "fk_event_attendee_contact"`);
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP CONSTRAINT "fk_event_attendee_event"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_source_item"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_zone"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_event"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_contact"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_organization"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_owner"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_stage"`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP CONSTRAINT "fk_pipeline_item_pipeline"`);
    await queryRunner.query(`ALTER TABLE "promotion_event" DROP CONSTRAINT "fk_promotion_event_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_loan_tranche_sequence"`);
    await queryRunner.query(`DROP TABLE "loan_tranche"`);
    await queryRunner.query(`DROP INDEX "public"."uq_loan_document_key"`);
    await queryRunner.query(`DROP TABLE "loan_document"`);
    await queryRunner.query(`DROP TABLE "loan_application"`);
    await queryRunner.query(`DROP TYPE "public"."lender_kind"`);
    await queryRunner.query(`DROP TYPE "public"."loan_applicant_type"`);
    await queryRunner.query(`DROP TABLE "land_enquiry"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_to_stage"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_pipeline"`);
    await queryRunner.query(`DROP TABLE "stage_history"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_attendee_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_attendee_contact"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_attendee_item"`);
    await queryRunner.query(`DROP TABLE "event_attendee"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_stage"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_pipeline_updated"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_overdue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_zone"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_source_item"`);
    await queryRunner.query(`DROP TABLE "pipeline_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_promotion_event_starts"`);
    await queryRunner.query(`DROP TABLE "promotion_event"`);
    await queryRunner.query(`DROP TYPE "public"."promotion_event_kind"`);
  }
}
