import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the manager reports read from, measured at bench size (200,000 items, ~1,000,000 moves; bench/README.md).
 * Covering indexes (INCLUDE) let a report aggregate a window of moves or the overdue items from the index alone;
 * TypeORM cannot describe INCLUDE, so the entities declare them with `synchronize: false`.
 */
export class ReportIndexes1795807300000 implements MigrationInterface {
  name = 'ReportIndexes1795807300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Same key as ix_stage_history_pipeline, which it replaces, plus what funnel and time in stage read.
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_pipeline"`);
    await queryRunner.query(
      `CREATE INDEX "ix_stage_history_pipeline_moves" ON "stage_history" ("pipeline_id", "moved_at")
         INCLUDE ("item_id", "from_stage_id", "to_stage_id", "owner_id", "working_days_in_stage", "breached_sla")`,
    );
    // Late exits of every pipeline in a window: a minority of the moves.
    await queryRunner.query(
      `CREATE INDEX "ix_stage_history_breached" ON "stage_history" ("moved_at")
         INCLUDE ("pipeline_id", "from_stage_id", "owner_id") WHERE "breached_sla"`,
    );
    // Items overdue now, longest first, across pipelines; counted per stage and owner from the index.
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_overdue_open" ON "pipeline_item" ("overdue_from", "id")
         INCLUDE ("pipeline_id", "stage_id", "owner_id") WHERE "overdue_from" IS NOT NULL AND "closed_at" IS NULL`,
    );
    // Loan applications submitted in a window.
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_kind_created" ON "pipeline_item" ("kind", "created_at")
         INCLUDE ("stage_id", "amount_vnd")`,
    );
    // Open land enquiries per zone: the demand beside each zone's land bank.
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_open_land" ON "pipeline_item" ("zone_id") INCLUDE ("area_ha")
         WHERE "kind" = 'land_enquiry' AND "closed_at" IS NULL AND "zone_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_open_land"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_kind_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_overdue_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_breached"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_pipeline_moves"`);
    await queryRunner.query(`CREATE INDEX "ix_stage_history_pipeline" ON "stage_history" ("pipeline_id", "moved_at") `);
  }
}
