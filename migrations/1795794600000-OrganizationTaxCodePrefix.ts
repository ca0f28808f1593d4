import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tax-code prefix search (`LIKE '0100%'`) needs a pattern-ops index; the unique index uses the collation. */
export class OrganizationTaxCodePrefix1795794600000 implements MigrationInterface {
  name = 'OrganizationTaxCodePrefix1795794600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_organization_tax_code_prefix" ON "organization" ("tax_code" text_pattern_ops) WHERE "tax_code" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_organization_tax_code_prefix"`);
  }
}
