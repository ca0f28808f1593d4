import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zones gain people, place and an infrastructure investor that is an organization; their leased and reserved
 * land becomes the running total of an append-only ledger (land_movement) that the database itself keeps.
 */
export class LandLedger1795800000000 implements MigrationInterface {
  name = 'LandLedger1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."land_movement_kind" AS ENUM('reserve', 'release', 'lease', 'adjust')`,
    );
    await queryRunner.query(`CREATE TABLE "land_movement" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "zone_id" uuid NOT NULL, "kind" "public"."land_movement_kind" NOT NULL, "leased_delta_ha" numeric(10,2) NOT NULL DEFAULT '0', "reserved_delta_ha" numeric(10,2) NOT NULL DEFAULT '0', "leased_after_ha" numeric(10,2) NOT NULL, "reserved_after_ha" numeric(10,2) NOT NULL, "available_after_ha" numeric(10,2) NOT NULL, "reason" text NOT NULL, "cause_type" text, "cause_id" uuid, "author_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_land_movement_cause" CHECK (("cause_type" IS NULL) = ("cause_id" IS NULL)), CONSTRAINT "chk_land_movement_reason" CHECK (length(btrim("reason")) > 0), CONSTRAINT "chk_land_movement_kind_deltas" CHECK (CASE "kind"
    WHEN 'reserve' THEN "leased_delta_ha" = 0 AND "reserved_delta_ha" > 0
    WHEN 'release' THEN "leased_delta_ha" = 0 AND "reserved_delta_ha" < 0
    WHEN 'lease' THEN "leased_delta_ha" > 0 AND "reserved_delta_ha" = -"leased_delta_ha"
    ELSE "leased_delta_ha" <> 0 OR "reserved_delta_ha" <> 0 END), CONSTRAINT "PK_7d695b8ce6e177be6042a8c21af" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "ix_land_movement_cause" ON "land_movement"  ("cause_type", "cause_id") WHERE "cause_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_land_movement_zone" ON "land_movement"  ("zone_id", "id") `);
    await queryRunner.query(`ALTER TABLE "zone" ADD "infrastructure_investor_id" uuid`);
    await queryRunner.query(`ALTER TABLE "zone" ADD "workforce" integer`);
    await queryRunner.query(`ALTER TABLE "zone" ADD "craft_village" text`);
    await queryRunner.query(`ALTER TABLE "zone" ADD "latitude" numeric(8,6)`);
    await queryRunner.query(`ALTER TABLE "zone" ADD "longitude" numeric(9,6)`);

    // Existing investors' names become organizations (owned by the longest-standing admin), then links.
    await queryRunner.query(
      `INSERT INTO organization (name, kind, country, owner_id, tags, version)
       SELECT DISTINCT z.infrastructure_investor, 'domestic'::organization_kind, 'VN', owner.id, ARRAY['chủ đầu tư hạ tầng'], 1
         FROM zone z
         CROSS JOIN (SELECT id FROM app_user ORDER BY (role = 'admin') DESC, active DESC, created_at LIMIT 1) owner
        WHERE z.infrastructure_investor IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.name = z.infrastructure_investor)`,
    );
    await queryRunner.query(
      `UPDATE zone z SET infrastructure_investor_id =
         (SELECT o.id FROM organization o WHERE o.name = z.infrastructure_investor ORDER BY o.created_at LIMIT 1)
        WHERE z.infrastructure_investor IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "zone" DROP COLUMN "infrastructure_investor"`);

    await queryRunner.query(
      `CREATE INDEX "ix_zone_infrastructure_investor" ON "zone"  ("infrastructure_investor_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "zone" ADD CONSTRAINT "chk_zone_coordinates" CHECK (("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)))`,
    );
    await queryRunner.query(
      `ALTER TABLE "zone" ADD CONSTRAINT "chk_zone_workforce_non_negative" CHECK ("workforce" IS NULL OR "workforce" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "zone" ADD CONSTRAINT "fk_zone_infrastructure_investor" FOREIGN KEY ("infrastructure_investor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "land_movement" ADD CONSTRAINT "fk_land_movement_zone" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "land_movement" ADD CONSTRAINT "fk_land_movement_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Diacritic-insensitive search on name, district and craft village (LIKE '%…%' uses the trigram index).
    await queryRunner.query(
      `CREATE INDEX "ix_zone_search" ON "zone" USING gin (f_unaccent(lower("name" || ' ' || "district" || ' ' || coalesce("craft_village", ''))) gin_trgm_ops)`,
    );

    // Opening balances: today's figures enter the ledger before the triggers exist, so they are not applied twice.
    await queryRunner.query(
      `INSERT INTO land_movement (zone_id, kind, leased_delta_ha, reserved_delta_ha, leased_after_ha, reserved_after_ha, available_after_ha, reason)
       SELECT id, 'adjust', leased_ha, reserved_ha, leased_ha, reserved_ha, industrial_land_ha - leased_ha - reserved_ha,
              'Số dư đầu kỳ khi mở sổ cái đất'
         FROM zone WHERE leased_ha <> 0 OR reserved_ha <> 0 ORDER BY code`,
    );

    // A movement applies its deltas to the zone under the zone's row lock: the zone's CHECKs
    // (leased + reserved <= industrial land, none negative) decide, so concurrent reservations queue and
    // none can oversell. The movement keeps the figures after it, for the ledger and its chart.
    await queryRunner.query(
      `CREATE FUNCTION land_movement_apply() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         zone_after zone%ROWTYPE;
       BEGIN
         PERFORM set_config('irm.land_movement', 'applying', true);
         UPDATE zone
            SET leased_ha = leased_ha + NEW.leased_delta_ha,
                reserved_ha = reserved_ha + NEW.reserved_delta_ha,
                version = version + 1,
                updated_at = now()
          WHERE id = NEW.zone_id
          RETURNING * INTO zone_after;
         PERFORM set_config('irm.land_movement', '', true);
         IF NOT FOUND THEN
           RAISE EXCEPTION 'zone % does not exist', NEW.zone_id
             USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_land_movement_zone';
         END IF;
         NEW.leased_after_ha := zone_after.leased_ha;
         NEW.reserved_after_ha := zone_after.reserved_ha;
         NEW.available_after_ha := zone_after.industrial_land_ha - zone_after.leased_ha - zone_after.reserved_ha;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_land_movement_apply BEFORE INSERT ON land_movement
       FOR EACH ROW EXECUTE FUNCTION land_movement_apply()`,
    );

    // The ledger is history: rows are never changed or removed.
    await queryRunner.query(
      `CREATE FUNCTION land_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'land movements are append-only: record a correcting movement instead'
           USING ERRCODE = 'restrict_violation';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_land_movement_append_only BEFORE UPDATE OR DELETE ON land_movement
       FOR EACH ROW EXECUTE FUNCTION land_movement_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_land_movement_no_truncate BEFORE TRUNCATE ON land_movement
       FOR EACH STATEMENT EXECUTE FUNCTION land_movement_append_only()`,
    );

    // A zone's leased and reserved land change only through the ledger, so the totals cannot drift from it.
    await queryRunner.query(
      `CREATE FUNCTION zone_land_totals_from_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF current_setting('irm.land_movement', true) = 'applying' THEN
           RETURN NEW;
         END IF;
         IF TG_OP = 'INSERT' AND (NEW.leased_ha <> 0 OR NEW.reserved_ha <> 0) THEN
           RAISE EXCEPTION 'a new zone starts with no leased or reserved land: record its opening balance as a land movement'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_zone_land_totals_from_ledger';
         END IF;
         IF TG_OP = 'UPDATE' AND (NEW.leased_ha <> OLD.leased_ha OR NEW.reserved_ha <> OLD.reserved_ha) THEN
           RAISE EXCEPTION 'leased and reserved land change only through land movements'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_zone_land_totals_from_ledger';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_zone_land_totals_from_ledger BEFORE INSERT OR UPDATE ON zone
       FOR EACH ROW EXECUTE FUNCTION zone_land_totals_from_ledger()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_zone_land_totals_from_ledger ON zone`);
    await queryRunner.query(`DROP FUNCTION zone_land_totals_from_ledger()`);
    await queryRunner.query(`DROP TRIGGER trg_land_movement_no_truncate ON land_movement`);
    await queryRunner.query(`DROP TRIGGER trg_land_movement_append_only ON land_movement`);
    await queryRunner.query(`DROP FUNCTION land_movement_append_only()`);
    await queryRunner.query(`DROP TRIGGER trg_land_movement_apply ON land_movement`);
    await queryRunner.query(`DROP FUNCTION land_movement_apply()`);
    await queryRunner.query(`DROP INDEX "public"."ix_zone_search"`);
    await queryRunner.query(`ALTER TABLE "land_movement" DROP CONSTRAINT "fk_land_movement_author"`);
    await queryRunner.query(`ALTER TABLE "land_movement" DROP CONSTRAINT "fk_land_movement_zone"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP CONSTRAINT "fk_zone_infrastructure_investor"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP CONSTRAINT "chk_zone_workforce_non_negative"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP CONSTRAINT "chk_zone_coordinates"`);
    await queryRunner.query(`DROP INDEX "public"."ix_zone_infrastructure_investor"`);
    await queryRunner.query(`ALTER TABLE "zone" ADD "infrastructure_investor" text`);
    // The investor's name goes back to the zone; the organizations stay (they may have their own history now).
    await queryRunner.query(
      `UPDATE zone z SET infrastructure_investor = o.name FROM organization o WHERE o.id = z.infrastructure_investor_id`,
    );
    await queryRunner.query(`ALTER TABLE "zone" DROP COLUMN "longitude"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP COLUMN "latitude"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP COLUMN "craft_village"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP COLUMN "workforce"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP COLUMN "infrastructure_investor_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_land_movement_zone"`);
    await queryRunner.query(`DROP INDEX "public"."ix_land_movement_cause"`);
    // The totals stay on the zone as they are; only the ledger behind them goes.
    await queryRunner.query(`DROP TABLE "land_movement"`);
    await queryRunner.query(`DROP TYPE "public"."land_movement_kind"`);
  }
}
