import { MigrationInterface, QueryRunner } from 'typeorm';

/** Days off besides weekends, which SLAs skip; seeded per year from libs/domain, then kept by managers. */
export class PublicHolidays1795805420058 implements MigrationInterface {
  name = 'PublicHolidays1795805420058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "public_holiday" ("date" date NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, "basis" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_public_holiday_basis" CHECK ("basis" IN ('statutory', 'decided', 'assumed', 'compensatory')), CONSTRAINT "pk_public_holiday" PRIMARY KEY ("date"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "public_holiday"`);
  }
}
