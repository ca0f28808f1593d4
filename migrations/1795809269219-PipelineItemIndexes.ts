import { MigrationInterface, QueryRunner } from 'typeorm';

export class PipelineItemIndexes1795809269219 implements MigrationInterface {
  name = 'PipelineItemIndexes1795809269219';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_pipeline_updated"`);
    await queryRunner.query(`CREATE INDEX "ix_pipeline_item_kind_title" ON "pipeline_item"  ("kind", "title", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_kind_entered" ON "pipeline_item"  ("kind", "stage_entered_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_kind_updated" ON "pipeline_item"  ("kind", "updated_at", "id") `,
    );
    // A board's per-stage counts and sums come from this index alone, without visiting the table.
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_board" ON "pipeline_item" ("pipeline_id", "stage_id")
         INCLUDE ("owner_id", "zone_id", "sector", "overdue_from", "closed_at", "area_ha", "capital_usd", "amount_vnd")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_search" ON "pipeline_item" USING gin (f_unaccent(lower("title")) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_board"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_kind_updated"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_kind_entered"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_kind_title"`);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_pipeline_updated" ON "pipeline_item" ("pipeline_id", "updated_at", "id")`,
    );
  }
}
