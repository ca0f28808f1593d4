import { MigrationInterface, QueryRunner } from 'typeorm';

/** Loan deadlines the applicant is reminded of: the documents still outstanding, and each tranche's milestone. */
export class LoanDeadlines1795815400000 implements MigrationInterface {
  name = 'LoanDeadlines1795815400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "loan_application" ADD "documents_due_on" date`);
    await queryRunner.query(`ALTER TABLE "loan_tranche" ADD "milestone_due_on" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "loan_tranche" DROP COLUMN "milestone_due_on"`);
    await queryRunner.query(`ALTER TABLE "loan_application" DROP COLUMN "documents_due_on"`);
  }
}
