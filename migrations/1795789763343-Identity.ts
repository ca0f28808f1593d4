import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795789763343 implements MigrationInterface {
  name = 'Identity1795789763343';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."audit_action" AS ENUM('create', 'update', 'delete', 'stage_move', 'login', 'login_failed', 'logout', 'password_change', 'token_create', 'token_revoke', 'permission_denied')`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" "public"."audit_action" NOT NULL, "actor_id" uuid, "subject_type" text, "subject_id" text, "changes" jsonb, "ip" text, "request_id" text, "details" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event_occurred_at" ON "audit_event"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_actor" ON "audit_event"  ("actor_id", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_event_subject" ON "audit_event"  ("subject_type", "subject_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_token_hash" ON "api_token"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_api_token_user" ON "api_token"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" text, "user_agent" text, CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_user_session_user" ON "user_session"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "fk_api_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "fk_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only for every role, the application's included.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_event_no_truncate" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER "audit_event_no_update_delete" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "fk_user_session_user"`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP CONSTRAINT "fk_api_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_session_user"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_api_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_token_hash"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_actor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_occurred_at"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
  }
}
