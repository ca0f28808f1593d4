import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lists ordered by last change or creation page along an index instead of sorting the table. */
export class RecordSortIndexes1795800519791 implements MigrationInterface {
  name = 'RecordSortIndexes1795800519791';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_organization_created" ON "organization"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_organization_updated" ON "organization"  ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_contact_created" ON "contact"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_contact_updated" ON "contact"  ("updated_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_contact_updated"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contact_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organization_updated"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organization_created"`);
  }
}
