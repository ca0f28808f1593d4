import { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportFilePurge1795800200001 implements MigrationInterface {
  name = 'ImportFilePurge1795800200001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "fk_import_job_file"`);
    await queryRunner.query(`ALTER TABLE "import_job" ALTER COLUMN "file_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_file" ON "import_job"  ("file_id") `);
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "fk_import_job_file" FOREIGN KEY ("file_id") REFERENCES "import_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "fk_import_job_file"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_job_file"`);
    await queryRunner.query(`ALTER TABLE "import_job" ALTER COLUMN "file_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "fk_import_job_file" FOREIGN KEY ("file_id") REFERENCES "import_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
