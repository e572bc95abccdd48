import type { MigrationInterface, QueryRunner } from 'typeorm';

// Element-wise sum of two arrays (the shorter one counts as zeros beyond its end).
const VEC_ADD = `CREATE FUNCTION "region_aggregate_vec_add"(numeric[], numeric[]) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}') FROM unnest($1, $2) WITH ORDINALITY AS t(x, y, i)
$$`;

// The rows of a statement on station_score with a sign: +1 new, -1 old. An UPDATE that
// changes nothing an aggregate counts (a confirmed evaluation) is left out.
const SIGNED_ROWS = `CASE TG_OP
  WHEN 'INSERT' THEN 'SELECT 1 AS sign, false AS same_arrays, n.* FROM new_rows n'
  WHEN 'DELETE' THEN 'SELECT -1 AS sign, false AS same_arrays, o.* FROM old_rows o'
  ELSE 'SELECT 1 AS sign, ' || same || ' AS same_arrays, n.* FROM new_rows n JOIN old_rows o USING (station_code) WHERE ' || changed || '
        UNION ALL SELECT -1 AS sign, ' || same || ' AS same_arrays, o.* FROM old_rows o JOIN new_rows n USING (station_code) WHERE ' || changed END`;

// Where an UPDATE leaves a row's arrays and their place as they were, their +1 and -1 cancel:
// they are not unnested (the current-score upsert changes the headline only).
const SAME_ARRAYS = ['county_code', 'rubric_version', 'indicator_points', 'indicator_applicable'];

const COUNTED = ['total', 'eligible', 'stars', 'pending_count', 'county_code', 'rubric_version', 'indicator_points', 'indicator_applicable', 'criteria_to_assess', 'criteria_assessed', 'criteria_pending', 'criteria_overrides'];

/**
 * Applies a statement on station_score to region_score_aggregate, in its transaction: each
 * row counts under its county, city and province (from its county_code) and its rubric
 * version; the sums of the statement's rows are added to the aggregate rows in key order
 * (one lock order for every writer: no deadlock between concurrent recomputes).
 */
const APPLY = `CREATE FUNCTION "region_score_aggregate_apply"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    changed text := '(${COUNTED.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${COUNTED.map((c) => `o.${c}`).join(', ')})';
    same text := '(${SAME_ARRAYS.map((c) => `n.${c}`).join(', ')}) IS NOT DISTINCT FROM (${SAME_ARRAYS.map((c) => `o.${c}`).join(', ')})';
  BEGIN
    EXECUTE format($sql$
      WITH r AS (%s),
      g AS (
        SELECT x.region_code, coalesce(r.rubric_version, '') AS version, r.*,
               CASE WHEN r.total >= 0 THEN least(floor(r.total / 10), 10)::int END AS bucket
        FROM r, unnest(ARRAY[r.county_code, substr(r.county_code, 1, 4) || '00', substr(r.county_code, 1, 2) || '0000']) AS x(region_code)
        WHERE r.county_code IS NOT NULL
      ),
      heads AS (
        SELECT region_code, version, sum(sign)::int AS scored, sum(sign * (NOT eligible)::int)::int AS ineligible,
               sum(sign * (pending_count > 0)::int)::int AS with_pending, sum(sign * total) AS total_sum,
               sum(sign * criteria_to_assess)::int AS to_assess, sum(sign * criteria_assessed)::int AS assessed,
               sum(sign * criteria_pending)::int AS pending, sum(sign * criteria_overrides)::int AS overrides,
               ARRAY[${[0, 1, 2, 3, 4, 5].map((k) => `coalesce(sum(sign * (stars = ${k})::int), 0)`).join(', ')}]::numeric[] AS stars,
               ARRAY[${Array.from({ length: 11 }, (_, k) => `coalesce(sum(sign * (bucket = ${k})::int), 0)`).join(', ')}]::numeric[] AS buckets
        FROM g GROUP BY region_code, version
      ),
      -- Indicator sums per county first (each row unnested once), then rolled up to the
      -- city and the province.
      by_county AS (
        SELECT r.county_code, coalesce(r.rubric_version, '') AS version, i.ord, sum(sign * i.p) AS p, sum(sign * i.a) AS a, sum(sign * (i.p IS NOT NULL)::int) AS n
        FROM r, unnest(r.indicator_points, r.indicator_applicable) WITH ORDINALITY AS i(p, a, ord)
        WHERE r.county_code IS NOT NULL AND NOT r.same_arrays
        GROUP BY r.county_code, version, i.ord
      ),
      ind AS (
        SELECT x.region_code, version, ord, sum(p) AS p, sum(a) AS a, sum(n) AS n
        FROM by_county c, unnest(ARRAY[c.county_code, substr(c.county_code, 1, 4) || '00', substr(c.county_code, 1, 2) || '0000']) AS x(region_code)
        GROUP BY x.region_code, version, ord
      ),
      vec AS (
        SELECT region_code, version, array_agg(coalesce(p, 0) ORDER BY ord) AS p, array_agg(coalesce(a, 0) ORDER BY ord) AS a, array_agg(n ORDER BY ord) AS n
        FROM ind GROUP BY region_code, version
      )
      INSERT INTO region_score_aggregate AS t (region_code, rubric_version, scored, ineligible, with_pending, total_sum, stars, buckets,
                                               indicator_points, indicator_applicable, indicator_stations, criteria_to_assess, criteria_assessed,
                                               criteria_pending, criteria_overrides)
      SELECT h.region_code, h.version, h.scored, h.ineligible, h.with_pending, h.total_sum, h.stars, h.buckets,
             coalesce(v.p, '{}'), coalesce(v.a, '{}'), coalesce(v.n, '{}'), h.to_assess, h.assessed, h.pending, h.overrides
      FROM heads h LEFT JOIN vec v USING (region_code, version)
      ORDER BY h.region_code, h.version
      ON CONFLICT (region_code, rubric_version) DO UPDATE SET
        scored = t.scored + EXCLUDED.scored, ineligible = t.ineligible + EXCLUDED.ineligible, with_pending = t.with_pending + EXCLUDED.with_pending,
        total_sum = t.total_sum + EXCLUDED.total_sum,
        stars = region_aggregate_vec_add(t.stars, EXCLUDED.stars), buckets = region_aggregate_vec_add(t.buckets, EXCLUDED.buckets),
        indicator_points = region_aggregate_vec_add(t.indicator_points, EXCLUDED.indicator_points),
        indicator_applicable = region_aggregate_vec_add(t.indicator_applicable, EXCLUDED.indicator_applicable),
        indicator_stations = region_aggregate_vec_add(t.indicator_stations, EXCLUDED.indicator_stations),
        criteria_to_assess = t.criteria_to_assess + EXCLUDED.criteria_to_assess, criteria_assessed = t.criteria_assessed + EXCLUDED.criteria_assessed,
        criteria_pending = t.criteria_pending + EXCLUDED.criteria_pending, criteria_overrides = t.criteria_overrides + EXCLUDED.criteria_overrides
    $sql$, ${SIGNED_ROWS});
    RETURN NULL;
  END $fn$`;

/** A new current score takes its station's county (the writer does not know it). */
const COUNTY_ON_INSERT = `CREATE FUNCTION "station_score_county"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.county_code IS NULL THEN
      SELECT s.county_code INTO NEW.county_code FROM station s WHERE s.code = NEW.station_code;
    END IF;
    RETURN NEW;
  END $$`;

/** A station moving county moves its current score there (whose trigger moves the contribution). */
const COUNTY_ON_MOVE = `CREATE FUNCTION "station_moved_county"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    -- Only when there is a score: an UPDATE of no row would still notify the change feed.
    IF EXISTS (SELECT 1 FROM station_score WHERE station_code = NEW.code AND county_code IS DISTINCT FROM NEW.county_code) THEN
      UPDATE station_score SET county_code = NEW.county_code WHERE station_code = NEW.code;
    END IF;
    RETURN NULL;
  END $$`;

// Contributions of the current scores already there, from their snapshots' indicator and
// criterion rows (first- and third-level indicators by id in C collation order, as
// src/scoring/station-contributions.ts writes them); the triggers then build the aggregates.
const BACKFILL = `UPDATE station_score ss SET
    county_code = s.county_code, rubric_version = x.rubric_version, indicator_points = i.p, indicator_applicable = i.a,
    criteria_to_assess = c.to_assess, criteria_assessed = c.assessed, criteria_pending = c.pending, criteria_overrides = c.overrides
  FROM station s, score_snapshot x,
    LATERAL (SELECT array_agg(points ORDER BY indicator_id COLLATE "C") AS p, array_agg(applicable_max ORDER BY indicator_id COLLATE "C") AS a
             FROM score_indicator WHERE snapshot_id = x.id AND level IN (1, 3)) i,
    LATERAL (SELECT count(*) FILTER (WHERE source = 'ASSESSED' AND status <> 'MISSING_ITEM') AS to_assess,
                    count(*) FILTER (WHERE source = 'ASSESSED' AND assessed AND status <> 'MISSING_ITEM') AS assessed,
                    count(*) FILTER (WHERE status = 'PENDING_ASSESSMENT') AS pending,
                    count(*) FILTER (WHERE source <> 'ASSESSED' AND assessed) AS overrides
             FROM score_criterion WHERE snapshot_id = x.id) c
  WHERE s.code = ss.station_code AND x.id = ss.snapshot_id`;

/**
 * Region aggregates of the current scores (region_score_aggregate), kept by delta by
 * triggers on station_score and station, and the per-station contributions they sum.
 * Triggers, functions and the backfill are written by hand (TypeORM does not model triggers).
 */
export class RegionScoreAggregates1796551836131 implements MigrationInterface {
  name = 'RegionScoreAggregates1796551836131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "region_score_aggregate" ("region_code" character(6) NOT NULL, "rubric_version" character varying(32) NOT NULL, "scored" integer NOT NULL DEFAULT '0', "ineligible" integer NOT NULL DEFAULT '0', "with_pending" integer NOT NULL DEFAULT '0', "total_sum" numeric NOT NULL DEFAULT '0', "stars" numeric array NOT NULL DEFAULT '{}', "buckets" numeric array NOT NULL DEFAULT '{}', "indicator_points" numeric array NOT NULL DEFAULT '{}', "indicator_applicable" numeric array NOT NULL DEFAULT '{}', "indicator_stations" numeric array NOT NULL DEFAULT '{}', "criteria_to_assess" integer NOT NULL DEFAULT '0', "criteria_assessed" integer NOT NULL DEFAULT '0', "criteria_pending" integer NOT NULL DEFAULT '0', "criteria_overrides" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_28b9afc76be39a7e65774529ba7" PRIMARY KEY ("region_code", "rubric_version"))`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "county_code" character(6)`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "rubric_version" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "indicator_points" numeric(4,1) array`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "indicator_applicable" numeric(4,1) array`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "criteria_to_assess" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "criteria_assessed" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "criteria_pending" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "station_score" ADD "criteria_overrides" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(VEC_ADD);
    await queryRunner.query(APPLY);
    await queryRunner.query(COUNTY_ON_INSERT);
    await queryRunner.query(COUNTY_ON_MOVE);
    await queryRunner.query(`CREATE TRIGGER "trg_station_score_county" BEFORE INSERT ON "station_score" FOR EACH ROW EXECUTE FUNCTION "station_score_county"()`);
    await queryRunner.query(`CREATE TRIGGER "trg_station_moved_county" AFTER UPDATE OF "county_code" ON "station" FOR EACH ROW EXECUTE FUNCTION "station_moved_county"()`);
    await queryRunner.query(`CREATE TRIGGER "trg_station_score_aggregate_insert" AFTER INSERT ON "station_score" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_score_aggregate_apply"()`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_station_score_aggregate_update" AFTER UPDATE ON "station_score" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_score_aggregate_apply"()`,
    );
    await queryRunner.query(`CREATE TRIGGER "trg_station_score_aggregate_delete" AFTER DELETE ON "station_score" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_score_aggregate_apply"()`);
    // A TRUNCATE of the scores empties the sums too.
    await queryRunner.query(`CREATE FUNCTION "region_score_aggregate_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM region_score_aggregate; RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_station_score_aggregate_truncate" AFTER TRUNCATE ON "station_score" FOR EACH STATEMENT EXECUTE FUNCTION "region_score_aggregate_truncate"()`);
    await queryRunner.query(BACKFILL);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) await queryRunner.query(`DROP TRIGGER "trg_station_score_aggregate_${event}" ON "station_score"`);
    await queryRunner.query(`DROP TRIGGER "trg_station_moved_county" ON "station"`);
    await queryRunner.query(`DROP TRIGGER "trg_station_score_county" ON "station_score"`);
    for (const fn of ['region_score_aggregate_truncate()', 'station_moved_county()', 'station_score_county()', 'region_score_aggregate_apply()', 'region_aggregate_vec_add(numeric[], numeric[])']) {
      await queryRunner.query(`DROP FUNCTION "${fn.replace('(', '"(')}`);
    }
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "criteria_overrides"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "criteria_pending"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "criteria_assessed"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "criteria_to_assess"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "indicator_applicable"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "indicator_points"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "rubric_version"`);
    await queryRunner.query(`ALTER TABLE "station_score" DROP COLUMN "county_code"`);
    await queryRunner.query(`DROP TABLE "region_score_aggregate"`);
  }
}
