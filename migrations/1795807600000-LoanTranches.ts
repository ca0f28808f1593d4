import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loan disbursement is held by the database: the application's planned and disbursed totals are the sums of its
 * tranches, kept by triggers under the application's row lock, so `chk_loan_application_tranches_within_approved`
 * refuses any total above the approved amount whatever writes the tranches, and concurrent plans queue on that
 * lock. A released tranche is history: it no longer changes or goes. A confirmation records the progress reported.
 */
export class LoanTranches1795807600000 implements MigrationInterface {
  name = 'LoanTranches1795807600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "loan_tranche" ADD "confirmed_progress_pct" integer`);
    await queryRunner.query(
      `ALTER TABLE "loan_tranche" ADD CONSTRAINT "chk_loan_tranche_confirmed_progress" CHECK (("confirmed_at" IS NULL) = ("confirmed_progress_pct" IS NULL) AND ("confirmed_progress_pct" IS NULL OR "confirmed_progress_pct" >= "required_progress_pct") AND ("confirmed_progress_pct" IS NULL OR "confirmed_progress_pct" <= 100))`,
    );

    // Totals from the tranches that exist already (none in a new installation), before the guard below is armed.
    await queryRunner.query(
      `UPDATE loan_application a
          SET planned_vnd = COALESCE(t.planned, 0), disbursed_vnd = COALESCE(t.disbursed, 0)
         FROM (SELECT application_id, sum(amount_vnd) AS planned,
                      sum(amount_vnd) FILTER (WHERE released_at IS NOT NULL) AS disbursed
                 FROM loan_tranche GROUP BY application_id) t
        WHERE t.application_id = a.item_id`,
    );

    // Each tranche write applies its difference to the application in one UPDATE, which takes the row lock:
    // concurrent writes for one application queue there and each re-reads the totals the previous one left.
    await queryRunner.query(
      `CREATE FUNCTION loan_tranche_apply_totals() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         application uuid;
         planned_delta bigint := 0;
         disbursed_delta bigint := 0;
       BEGIN
         IF TG_OP = 'UPDATE' AND NEW.application_id <> OLD.application_id THEN
           RAISE EXCEPTION 'a tranche stays with its loan application'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_loan_tranche_application_fixed';
         END IF;
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           application := OLD.application_id;
           planned_delta := planned_delta - OLD.amount_vnd;
           IF OLD.released_at IS NOT NULL THEN
             disbursed_delta := disbursed_delta - OLD.amount_vnd;
           END IF;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           application := NEW.application_id;
           planned_delta := planned_delta + NEW.amount_vnd;
           IF NEW.released_at IS NOT NULL THEN
             disbursed_delta := disbursed_delta + NEW.amount_vnd;
           END IF;
         END IF;
         IF planned_delta <> 0 OR disbursed_delta <> 0 THEN
           PERFORM set_config('irm.loan_tranche_totals', 'applying', true);
           UPDATE loan_application
              SET planned_vnd = planned_vnd + planned_delta, disbursed_vnd = disbursed_vnd + disbursed_delta
            WHERE item_id = application;
           PERFORM set_config('irm.loan_tranche_totals', '', true);
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_loan_tranche_apply_totals AFTER INSERT OR UPDATE OR DELETE ON loan_tranche
       FOR EACH ROW EXECUTE FUNCTION loan_tranche_apply_totals()`,
    );

    // The totals change only through the tranches, so they cannot drift from them.
    await queryRunner.query(
      `CREATE FUNCTION loan_application_totals_from_tranches() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF current_setting('irm.loan_tranche_totals', true) = 'applying' THEN
           RETURN NEW;
         END IF;
         IF TG_OP = 'INSERT' AND (NEW.planned_vnd <> 0 OR NEW.disbursed_vnd <> 0) THEN
           RAISE EXCEPTION 'a new loan application starts with nothing planned or disbursed'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_loan_application_totals_from_tranches';
         END IF;
         IF TG_OP = 'UPDATE' AND (NEW.planned_vnd <> OLD.planned_vnd OR NEW.disbursed_vnd <> OLD.disbursed_vnd) THEN
           RAISE EXCEPTION 'planned and disbursed amounts change only through tranches'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_loan_application_totals_from_tranches';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_loan_application_totals_from_tranches BEFORE INSERT OR UPDATE ON loan_application
       FOR EACH ROW EXECUTE FUNCTION loan_application_totals_from_tranches()`,
    );

    // Released money is history: the tranche keeps its amount, milestone and dates, and stays. (When the whole
    // application goes, its tranches go with it: the application is no longer there to protect.)
    await queryRunner.query(
      `CREATE FUNCTION loan_tranche_released_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.released_at IS NULL THEN
           RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
         END IF;
         IF TG_OP = 'DELETE' THEN
           IF EXISTS (SELECT 1 FROM loan_application WHERE item_id = OLD.application_id) THEN
             RAISE EXCEPTION 'a released tranche cannot be removed'
               USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_loan_tranche_released_immutable';
           END IF;
           RETURN OLD;
         END IF;
         IF NEW.amount_vnd <> OLD.amount_vnd OR NEW.milestone <> OLD.milestone
            OR NEW.required_progress_pct <> OLD.required_progress_pct OR NEW.sequence <> OLD.sequence
            OR NEW.application_id <> OLD.application_id
            OR NEW.released_at IS DISTINCT FROM OLD.released_at OR NEW.released_by_id IS DISTINCT FROM OLD.released_by_id
            OR NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at
            OR NEW.confirmed_by_id IS DISTINCT FROM OLD.confirmed_by_id
            OR NEW.confirmed_progress_pct IS DISTINCT FROM OLD.confirmed_progress_pct THEN
           RAISE EXCEPTION 'a released tranche can no longer change'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_loan_tranche_released_immutable';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_loan_tranche_released_immutable BEFORE UPDATE OR DELETE ON loan_tranche
       FOR EACH ROW EXECUTE FUNCTION loan_tranche_released_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_loan_tranche_released_immutable ON loan_tranche`);
    await queryRunner.query(`DROP FUNCTION loan_tranche_released_immutable()`);
    await queryRunner.query(`DROP TRIGGER trg_loan_application_totals_from_tranches ON loan_application`);
    await queryRunner.query(`DROP FUNCTION loan_application_totals_from_tranches()`);
    await queryRunner.query(`DROP TRIGGER trg_loan_tranche_apply_totals ON loan_tranche`);
    await queryRunner.query(`DROP FUNCTION loan_tranche_apply_totals()`);
    await queryRunner.query(`ALTER TABLE "loan_tranche" DROP CONSTRAINT "chk_loan_tranche_confirmed_progress"`);
    await queryRunner.query(`ALTER TABLE "loan_tranche" DROP COLUMN "confirmed_progress_pct"`);
  }
}
