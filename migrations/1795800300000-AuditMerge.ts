import { MigrationInterface, QueryRunner } from 'typeorm';

/** Merges of duplicate investors and contacts are audited as their own action. */
export class AuditMerge1795800300000 implements MigrationInterface {
  name = 'AuditMerge1795800300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'merge'`);
  }

  public async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value; an unused 'merge' label is harmless.
  }
}
