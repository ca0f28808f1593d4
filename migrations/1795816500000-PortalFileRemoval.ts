import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files outlive nothing they belong to: whenever a portal document row goes (its item deleted, by any
 * path, the rows with it), a trigger queues its stored file name in the same transaction and wakes the API with a
 * notification, which Postgres delivers only once that transaction commits. A rolled-back delete queues nothing.
 */
export class PortalFileRemoval1795816500000 implements MigrationInterface {
  name = 'PortalFileRemoval1795816500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_file_removal" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "stored_name" text NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2a45f76ac0ce3dc00b0b759a267" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION f_portal_document_removed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO portal_file_removal (stored_name) SELECT stored_name FROM old_rows;
         IF FOUND THEN
           PERFORM pg_notify('portal_file_removal', '');
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_portal_document_removed AFTER DELETE ON "portal_document"
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION f_portal_document_removed()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_portal_document_removed ON "portal_document"`);
    await queryRunner.query(`DROP FUNCTION f_portal_document_removed()`);
    await queryRunner.query(`DROP TABLE "portal_file_removal"`);
  }
}
