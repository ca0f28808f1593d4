import { MigrationInterface, QueryRunner } from 'typeorm';

const KEYS = {
  organization: `f_unaccent(lower(NEW.name || ' ' || coalesce(NEW.legal_name, '')))`,
  contact: `f_unaccent(lower(NEW.full_name || ' ' || coalesce(NEW.email::text, '')))`,
};

/**
 * Investors' and contacts' search keys (unaccented, lower-case names) stored in a column kept by a trigger instead
 * of computed per row at query time: a list filtered by a common word reads many rows, and computing the key for
 * each cost more than the rest of the query. The trigram indexes move onto the column.
 */
export class StoredSearchKeys1795800600001 implements MigrationInterface {
  name = 'StoredSearchKeys1795800600001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, key] of Object.entries(KEYS)) {
      const columns = table === 'organization' ? '"name", "legal_name"' : '"full_name", "email"';
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_key" text NOT NULL DEFAULT ''`);
      await queryRunner.query(`UPDATE "${table}" SET "search_key" = ${key.replaceAll('NEW.', '')}`);
      await queryRunner.query(
        `CREATE FUNCTION f_${table}_search_key() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN NEW.search_key := ${key}; RETURN NEW; END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_search_key BEFORE INSERT OR UPDATE OF ${columns} ON "${table}"
           FOR EACH ROW EXECUTE FUNCTION f_${table}_search_key()`,
      );
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_search"`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_search" ON "${table}" USING gin ("search_key" gin_trgm_ops)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, key] of Object.entries(KEYS)) {
      const expression = key.replaceAll('NEW.', '').replace('email::text', 'email');
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_search"`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_search" ON "${table}" USING gin (${expression} gin_trgm_ops)`);
      await queryRunner.query(`DROP TRIGGER trg_${table}_search_key ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION f_${table}_search_key()`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_key"`);
    }
  }
}
