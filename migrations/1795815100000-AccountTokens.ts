import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use account links (invitations, password resets), stored as keyed hashes with at most one live link per
 * person and purpose; their sending and use are audited as actions of their own.
 */
export class AccountTokens1795815100000 implements MigrationInterface {
  name = 'AccountTokens1795815100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."account_token_purpose" AS ENUM('invitation', 'password_reset')`);
    await queryRunner.query(
      `CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" "public"."account_token_purpose" NOT NULL, "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_account_token_settled" CHECK ("used_at" IS NULL OR "revoked_at" IS NULL), CONSTRAINT "chk_account_token_expiry" CHECK ("expires_at" > "created_at"), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_token_hash" ON "account_token"  ("token_hash") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_account_token_live" ON "account_token"  ("user_id", "purpose") WHERE "used_at" IS NULL AND "revoked_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_account_token_user" ON "account_token"  ("user_id") `);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'invitation_send'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'invitation_accept'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'password_reset_request'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'password_reset'`);
    await queryRunner.query(
      `ALTER TABLE "account_token" ADD CONSTRAINT "fk_account_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "fk_account_token_user"`);
    // PostgreSQL cannot drop an enum value; the unused audit labels are harmless.
    await queryRunner.query(`DROP INDEX "public"."ix_account_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_token_live"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_token_hash"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
    await queryRunner.query(`DROP TYPE "public"."account_token_purpose"`);
  }
}
