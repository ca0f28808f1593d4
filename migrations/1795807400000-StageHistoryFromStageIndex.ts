import { MigrationInterface, QueryRunner } from 'typeorm';

export class StageHistoryFromStageIndex1795807400000 implements MigrationInterface {
  name = 'StageHistoryFromStageIndex1795807400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_stage_history_from_stage" ON "stage_history"  ("from_stage_id") WHERE "from_stage_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_stage_history_from_stage"`);
  }
}
