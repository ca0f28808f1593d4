import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per person: the reminder kinds they turned off (no row: every kind on). */
export class NotificationSettings1795815200000 implements MigrationInterface {
  name = 'NotificationSettings1795815200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_notification_settings" ("user_id" uuid NOT NULL, "opted_out" text array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_user_notification_settings" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_notification_settings" ADD CONSTRAINT "fk_user_notification_settings_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user_notification_settings" DROP CONSTRAINT "fk_user_notification_settings_user"`,
    );
    await queryRunner.query(`DROP TABLE "user_notification_settings"`);
  }
}
