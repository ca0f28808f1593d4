import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vocabulary of searchable names: every word (unaccented, lower case) of investor names, contact names and
 * zone names, districts and craft villages. A mistyped search word is corrected against it ("samsng" → "samsung"),
 * then matched exactly through the trigram indexes, instead of computing similarity for every record.
 * Statement-level triggers keep it current at the cost of one INSERT per write statement, bulk imports included.
 */
export class SearchWords1795800600000 implements MigrationInterface {
  name = 'SearchWords1795800600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_word" ("word" text NOT NULL, CONSTRAINT "pk_search_word" PRIMARY KEY ("word"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_search_word_trgm" ON "search_word" USING gin ("word" gin_trgm_ops)`);
    // Transposed letters ("ngyuen") share few trigrams; words with the same first letter and a similar length
    // are few enough to compare one by one.
    await queryRunner.query(`CREATE INDEX "ix_search_word_shape" ON "search_word" (left("word", 1), length("word"))`);
    await queryRunner.query(
      `CREATE FUNCTION f_search_words(text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT DISTINCT w FROM regexp_split_to_table(f_unaccent(lower($1)), '[^a-z0-9]+') AS w WHERE length(w) >= 2 $$`,
    );
    // A word's letters in order ("phcu" and "phuc" both give "chpu"): swapped letters keep them.
    await queryRunner.query(
      `CREATE FUNCTION f_letters(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table($1, '') AS c $$`,
    );
    const sources: Record<string, string> = {
      organization: `new_rows.name || ' ' || coalesce(new_rows.legal_name, '')`,
      contact: `new_rows.full_name`,
      zone: `new_rows.name || ' ' || new_rows.district || ' ' || coalesce(new_rows.craft_village, '')`,
    };
    for (const [table, text] of Object.entries(sources)) {
      await queryRunner.query(
        `CREATE FUNCTION f_collect_${table}_words() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO search_word (word)
             SELECT DISTINCT w FROM new_rows, f_search_words(${text}) AS w
             ON CONFLICT DO NOTHING;
           RETURN NULL;
         END $$`,
      );
      for (const event of ['INSERT', 'UPDATE']) {
        await queryRunner.query(
          `CREATE TRIGGER trg_${table}_words_${event.toLowerCase()} AFTER ${event} ON "${table}"
             REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION f_collect_${table}_words()`,
        );
      }
      await queryRunner.query(
        `INSERT INTO search_word (word) SELECT DISTINCT w FROM "${table}" new_rows, f_search_words(${text}) AS w
           ON CONFLICT DO NOTHING`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['organization', 'contact', 'zone']) {
      await queryRunner.query(`DROP TRIGGER trg_${table}_words_insert ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER trg_${table}_words_update ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION f_collect_${table}_words()`);
    }
    await queryRunner.query(`DROP FUNCTION f_letters(text)`);
    await queryRunner.query(`DROP FUNCTION f_search_words(text)`);
    await queryRunner.query(`DROP TABLE "search_word"`);
  }
}
