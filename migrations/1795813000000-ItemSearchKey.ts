import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pipeline item's search key (unaccented, lower-case title) stored in a column kept by a trigger, as investors'
 * and contacts' are: a board searched by a common word tests many items, and computing the key for each cost more
 * than the rest of the query. The trigram index moves onto the column.
 */
export class ItemSearchKey1795813000000 implements MigrationInterface {
  name = 'ItemSearchKey1795813000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pipeline_item" ADD "search_key" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`UPDATE "pipeline_item" SET "search_key" = f_unaccent(lower("title"))`);
    await queryRunner.query(
      `CREATE FUNCTION f_pipeline_item_search_key() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN NEW.search_key := f_unaccent(lower(NEW.title)); RETURN NEW; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_pipeline_item_search_key BEFORE INSERT OR UPDATE OF "title" ON "pipeline_item"
         FOR EACH ROW EXECUTE FUNCTION f_pipeline_item_search_key()`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_search"`);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_search" ON "pipeline_item" USING gin ("search_key" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_pipeline_item_search"`);
    await queryRunner.query(
      `CREATE INDEX "ix_pipeline_item_search" ON "pipeline_item" USING gin (f_unaccent(lower("title")) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP TRIGGER trg_pipeline_item_search_key ON "pipeline_item"`);
    await queryRunner.query(`DROP FUNCTION f_pipeline_item_search_key()`);
    await queryRunner.query(`ALTER TABLE "pipeline_item" DROP COLUMN "search_key"`);
  }
}
