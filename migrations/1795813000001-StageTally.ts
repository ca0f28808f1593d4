import { MigrationInterface, QueryRunner } from 'typeorm';

/** The figures of a change to pipeline_item, per stage and overdue day; `n` is +1 for a new row, -1 for an old one. */
const CHANGES: Record<'INSERT' | 'UPDATE' | 'DELETE', string> = {
  INSERT: `SELECT r.*, 1 AS n FROM new_rows r`,
  DELETE: `SELECT r.*, -1 AS n FROM old_rows r`,
  UPDATE: `SELECT r.*, 1 AS n FROM new_rows r UNION ALL SELECT r.*, -1 AS n FROM old_rows r`,
};

/**
 * Per stage and overdue day, the number of items and the sums of their area, capital and loan amount, kept by
 * statement-level triggers: an unfiltered board reads a few hundred tally rows instead of a pass over every item
 * of the pipeline. Items that never fall overdue (closed, or in a stage without an SLA) count under 'infinity', so
 * the overdue count of a day is the sum over the rows whose day has come. Counts of the non-null figures keep a
 * stage whose items have no area apart from one whose areas add up to zero. Rows are written in key order, so two
 * moves in opposite directions cannot deadlock, and a row that drops to zero items is removed.
 */
export class StageTally1795813000001 implements MigrationInterface {
  name = 'StageTally1795813000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stage_tally" (
         "stage_id" uuid NOT NULL,
         "overdue_from" date NOT NULL,
         "items" integer NOT NULL,
         "area_items" integer NOT NULL,
         "area_ha" numeric NOT NULL,
         "capital_items" integer NOT NULL,
         "capital_usd" numeric NOT NULL,
         "amount_items" integer NOT NULL,
         "amount_vnd" numeric NOT NULL,
         CONSTRAINT "pk_stage_tally" PRIMARY KEY ("stage_id", "overdue_from"),
         CONSTRAINT "fk_stage_tally_stage" FOREIGN KEY ("stage_id") REFERENCES "stage"("id") ON DELETE CASCADE
       )`,
    );
    const tally = (changes: string) =>
      `WITH changes AS (${changes}),
            delta AS (
              SELECT stage_id,
                     CASE WHEN closed_at IS NULL THEN coalesce(overdue_from, 'infinity') ELSE 'infinity' END AS day,
                     sum(n)::int AS items,
                     coalesce(sum(n) FILTER (WHERE area_ha IS NOT NULL), 0)::int AS area_items,
                     coalesce(sum(n * area_ha), 0) AS area_ha,
                     coalesce(sum(n) FILTER (WHERE capital_usd IS NOT NULL), 0)::int AS capital_items,
                     coalesce(sum(n * capital_usd), 0) AS capital_usd,
                     coalesce(sum(n) FILTER (WHERE amount_vnd IS NOT NULL), 0)::int AS amount_items,
                     coalesce(sum(n * amount_vnd), 0) AS amount_vnd
                FROM changes GROUP BY 1, 2
            ),
            written AS (
              INSERT INTO stage_tally AS t
                SELECT * FROM delta
                 WHERE items <> 0 OR area_items <> 0 OR area_ha <> 0 OR capital_items <> 0 OR capital_usd <> 0
                    OR amount_items <> 0 OR amount_vnd <> 0
                 ORDER BY stage_id, day
              ON CONFLICT (stage_id, overdue_from) DO UPDATE SET
                items = t.items + excluded.items,
                area_items = t.area_items + excluded.area_items, area_ha = t.area_ha + excluded.area_ha,
                capital_items = t.capital_items + excluded.capital_items,
                capital_usd = t.capital_usd + excluded.capital_usd,
                amount_items = t.amount_items + excluded.amount_items, amount_vnd = t.amount_vnd + excluded.amount_vnd
              RETURNING t.stage_id, t.overdue_from, t.items
            )
       SELECT array_agg(stage_id), array_agg(overdue_from) INTO emptied_stages, emptied_days
         FROM written WHERE items = 0`;
    for (const [event, changes] of Object.entries(CHANGES)) {
      const name = event.toLowerCase();
      await queryRunner.query(
        `CREATE FUNCTION f_stage_tally_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
         DECLARE emptied_stages uuid[]; emptied_days date[];
         BEGIN
           ${tally(changes)};
           IF emptied_stages IS NOT NULL THEN
             DELETE FROM stage_tally t USING unnest(emptied_stages, emptied_days) AS e(stage_id, day)
              WHERE t.stage_id = e.stage_id AND t.overdue_from = e.day AND t.items = 0;
           END IF;
           RETURN NULL;
         END $$`,
      );
      const transition = { INSERT: 'NEW TABLE AS new_rows', DELETE: 'OLD TABLE AS old_rows' }[event as 'INSERT'];
      await queryRunner.query(
        `CREATE TRIGGER trg_pipeline_item_tally_${name} AFTER ${event} ON "pipeline_item"
           REFERENCING ${transition ?? 'OLD TABLE AS old_rows NEW TABLE AS new_rows'}
           FOR EACH STATEMENT EXECUTE FUNCTION f_stage_tally_${name}()`,
      );
    }
    await queryRunner.query(
      `INSERT INTO stage_tally
       SELECT stage_id, CASE WHEN closed_at IS NULL THEN coalesce(overdue_from, 'infinity') ELSE 'infinity' END,
              count(*), count(area_ha), coalesce(sum(area_ha), 0), count(capital_usd), coalesce(sum(capital_usd), 0),
              count(amount_vnd), coalesce(sum(amount_vnd), 0)
         FROM pipeline_item GROUP BY 1, 2`,
    );
    // A filtered board reads the matching items from this index alone, already in card order within each stage,
    // so that counting them and ranking the first cards needs no sort; a search by a common word ("Vĩnh Phúc" is
    // in a fifth of the titles) tests the stored search key here rather than visiting each match in the table.
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_board"`);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_board" ON "pipeline_item" ("pipeline_id", "stage_id", "stage_entered_at", "id")
         INCLUDE ("owner_id", "zone_id", "sector", "overdue_from", "closed_at", "area_ha", "capital_usd", "amount_vnd",
                  "search_key")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_board"`);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_board" ON "pipeline_item" ("pipeline_id", "stage_id")
         INCLUDE ("owner_id", "zone_id", "sector", "overdue_from", "closed_at", "area_ha", "capital_usd", "amount_vnd")`,
    );
    for (const event of Object.keys(CHANGES)) {
      const name = event.toLowerCase();
      await queryRunner.query(`DROP TRIGGER trg_pipeline_item_tally_${name} ON "pipeline_item"`);
      await queryRunner.query(`DROP FUNCTION f_stage_tally_${name}()`);
    }
    await queryRunner.query(`DROP TABLE "stage_tally"`);
  }
}
