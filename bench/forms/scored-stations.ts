// Scored stations straight into the tables (not through the push API): a province, one
// city, 99 counties and `n` stations, each with a current score. For the ranking benchmark
// and the ranking's many-page test; totals are spread over 60..100 by a hash of the code.

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function insertScoredStations(db: Db, provinceCode: string, provinceName: string, n: number): Promise<void> {
  const p = provinceCode.slice(0, 2);
  await db.query(`INSERT INTO region (code, name, level, parent_code) VALUES ($1, $2, 'PROVINCE', NULL), ($3, $4, 'CITY', $1)`, [provinceCode, provinceName, `${p}0100`, `${provinceName}一市`]);
  await db.query(`INSERT INTO region (code, name, level, parent_code) SELECT ($1::int * 10000 + 100 + g)::text, '县' || g, 'COUNTY', $2 FROM generate_series(1, 99) g`, [Number(p), `${p}0100`]);
  await db.query(
    `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
     SELECT c || lpad(g::text, 5, '0'), '第' || g || '市场监督管理所', c, $2, $3, 10, true, true, true, md5(g::text)
     FROM generate_series(0, $1 - 1) g, LATERAL (SELECT ($4::int * 10000 + 101 + g % 99)::text AS c) county`,
    [n, `${p}0100`, provinceCode, Number(p)],
  );
  await db.query(
    `INSERT INTO score_snapshot (station_code, cut_off, rubric_version, star_policy_id, input_hash, result_digest, raw, applicable, rebased, bonus, total, stars, eligible,
                                 pending_count, missing_count, blocking_vetoes, star_levels, bonus_items, missing_items)
     SELECT code, '2026-06-30', 'national-2023', 'national-default', repeat('a', 64), repeat('b', 64), t, 100, t, 0, t, CASE WHEN t >= 90 THEN 5 ELSE 0 END, true, 0, 0, '[]', '[]', '[]', '[]'
     FROM (SELECT code, round((60 + (hashtext(code) & 4095) / 4096.0 * 40)::numeric, 1) AS t FROM station WHERE province_code = $1) s`,
    [provinceCode],
  );
  await db.query(
    `INSERT INTO station_score (station_code, snapshot_id, total, rebased, bonus, stars, eligible, has_veto, pending_count, input_hash, cut_off, evaluated_at, changed_at)
     SELECT sn.station_code, sn.id, sn.total, sn.rebased, sn.bonus, sn.stars, sn.eligible, false, 0, sn.input_hash, sn.cut_off, now(), now()
     FROM score_snapshot sn JOIN station s ON s.code = sn.station_code WHERE s.province_code = $1`,
    [provinceCode],
  );
}
