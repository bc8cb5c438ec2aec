/**
 * Checks the generated demo data with real PostGIS (validity, containment, the no-overlap rules).
 * Everything happens in temporary tables inside one transaction that is rolled back.
 *
 *   npx tsx scripts/demo/check-postgis.ts [DIR]        (default data/demo)
 *   DATABASE_URL=postgres://user@host:5432/db npx tsx scripts/demo/check-postgis.ts
 *
 * Default connection: postgres://postgres@127.0.0.1:5432/oneblueprint_dev. Exit code 1 on failure.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { LAYERS } from './index.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = resolve(process.argv[2] ?? join(root, 'data/demo'));
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/oneblueprint_dev';

const client = new pg.Client({ connectionString: url });
await client.connect();
let failures = 0;
const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
const report = (label: string, value: unknown, ok: boolean) => {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(64)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
};

try {
  await q('begin');
  await q('create temp table demo_feature (layer text, idx int, props jsonb, geom geometry(Geometry, 4326)) on commit drop');
  await q('create temp table demo_county (code text, geom geometry(Geometry, 4326)) on commit drop');
  const counties = JSON.parse(readFileSync(join(root, 'data/boundaries/liaocheng-counties.geojson'), 'utf8'));
  for (const f of counties.features) {
    await q('insert into demo_county values ($1, ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)))', [f.properties.code, JSON.stringify(f.geometry)]);
  }
  const insert = async (layer: string, rows: { props: unknown; geometry: unknown }[]) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await q(
        `insert into demo_feature (layer, idx, props, geom)
         select $1, (t.ord - 1 + $4)::int, t.p, ST_SetSRID(ST_GeomFromGeoJSON(t.g), 4326)
         from unnest($2::jsonb[], $3::text[]) with ordinality as t(p, g, ord)`,
        [layer, chunk.map((r) => JSON.stringify(r.props)), chunk.map((r) => JSON.stringify(r.geometry)), i],
      );
    }
  };
  for (const layer of LAYERS) {
    const fc = JSON.parse(readFileSync(join(dir, `${layer.key}.geojson`), 'utf8'));
    await insert(layer.key, fc.features.map((f: { properties: unknown; geometry: unknown }) => ({ props: f.properties, geometry: f.geometry })));
  }
  const projects = JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8'));
  await insert('projects', projects.map((p: { site: unknown }) => ({ props: { ...p, site: undefined }, geometry: p.site })));
  await q('create index on demo_feature using gist (geom)');
  await q('create index on demo_feature (layer)');
  await q('analyze demo_feature');

  const counts = await q(`select layer, count(*)::int n, sum(case when ST_IsValid(geom) then 1 else 0 end)::int valid from demo_feature group by layer order by layer`);
  for (const r of counts) report(`ST_IsValid ${r.layer}`, `${r.valid}/${r.n}`, r.valid === r.n);
  const invalid = await q(`select layer, idx, ST_IsValidReason(geom) reason from demo_feature where not ST_IsValid(geom) limit 5`);
  for (const r of invalid) console.log('     ', r.layer, r.idx, r.reason);

  await q(`create temp table demo_city on commit drop as select ST_Union(geom) geom from demo_county`);
  const outside = await q(
    `select f.layer, count(*)::int n, coalesce(max(ST_Area(ST_Difference(f.geom, c.geom)::geography)), 0)::float max_m2,
            coalesce(max(ST_Length(ST_Difference(f.geom, c.geom)::geography)), 0)::float max_m
     from demo_feature f, demo_city c where not ST_CoveredBy(f.geom, c.geom) group by f.layer order by f.layer`,
  );
  // vertices where a generated edge meets a county edge are rounded to 6 decimals (≈ 5 cm), so a
  // feature that follows the boundary may stick out by a few m² there: tolerate ≤ 50 m² / ≤ 1 m
  const worstM2 = outside.reduce((m, r) => Math.max(m, r.max_m2), 0);
  const worstM = outside.reduce((m, r) => Math.max(m, r.max_m), 0);
  for (const r of outside) console.log(`      ${r.layer}: ${r.n} features not strictly covered, worst ${r.max_m2.toFixed(2)} m² / ${r.max_m.toFixed(2)} m outside`);
  report('inside the city (worst part outside: ≤ 50 m² polygons, ≤ 1 m lines)', `${worstM2.toFixed(1)} m² / ${worstM.toFixed(2)} m`, worstM2 <= 50 && worstM <= 1);

  const overlap = async (label: string, a: string, b: string, tolM2 = 1) => {
    const [r] = await q(
      `select count(*)::int n, coalesce(sum(ST_Area(ST_Intersection(x.geom, y.geom)::geography)), 0)::float m2
       from demo_feature x join demo_feature y on x.layer = $1 and y.layer = $2 and ST_Intersects(x.geom, y.geom) and (x.layer <> y.layer or x.idx < y.idx)
       where ST_Area(ST_Intersection(x.geom, y.geom)::geography) > $3`,
      [a, b, tolM2],
    );
    report(`no overlap: ${label}`, `${r.n} pairs, ${r.m2.toFixed(1)} m²`, r.n === 0);
  };
  await overlap('farmland × farmland', 'farmland', 'farmland');
  for (const other of ['town-development-boundary', 'ecological-redline', 'water-source-protection', 'development-zones', 'industrial-parks', 'stock-land', 'lakes']) {
    await overlap(`farmland × ${other}`, 'farmland', other);
  }
  await overlap('stock-land × stock-land', 'stock-land', 'stock-land');
  await overlap('stock-land × ecological-redline', 'stock-land', 'ecological-redline');
  await overlap('stock-land × water-source-protection', 'stock-land', 'water-source-protection');
  // layers cut from each other along shared edges: rounding to 6 decimals (≈ 0.1 m) leaves slivers
  // of a few m² where their edges meet, so these pairs get a noise tolerance per pair
  await overlap('town-development-boundary × ecological-redline (noise ≤ 50 m²)', 'town-development-boundary', 'ecological-redline', 50);
  await overlap('ecological-redline × ecological-redline (noise ≤ 50 m²)', 'ecological-redline', 'ecological-redline', 50);
  await overlap('water-source-protection × itself (一级 vs 二级)', 'water-source-protection', 'water-source-protection');
  await overlap('development-zones × development-zones', 'development-zones', 'development-zones');
  await overlap('industrial-parks × industrial-parks', 'industrial-parks', 'industrial-parks');
  await overlap('environmental-control-units × itself (noise ≤ 50 m²)', 'environmental-control-units', 'environmental-control-units', 50);
  const [noise] = await q(
    `select coalesce(sum(ST_Area(ST_Intersection(x.geom, y.geom)::geography)), 0)::float m2
     from demo_feature x join demo_feature y on x.layer = 'environmental-control-units' and y.layer = x.layer and x.idx < y.idx and ST_Intersects(x.geom, y.geom)`,
  );
  report('environmental-control-units: total overlap noise', `${noise.m2.toFixed(1)} m²`, noise.m2 < 5000);

  const [cov] = await q(
    `select (select ST_Area(geom::geography) from demo_city)::float city,
            (select sum(ST_Area(geom::geography)) from demo_feature where layer = 'environmental-control-units')::float units,
            (select ST_Area(ST_Difference(c.geom, ST_Union(f.geom))::geography) from demo_city c, demo_feature f where f.layer = 'environmental-control-units' group by c.geom)::float gap`,
  );
  report('control units cover the city (sum of areas / city area)', `${((cov.units / cov.city) * 100).toFixed(4)} %, gap ${cov.gap.toFixed(1)} m²`, Math.abs(cov.units / cov.city - 1) < 0.001 && cov.gap < 10000);

  const conflicts = await q(
    `select p.props->>'name' name, (p.props->>'demoConflict')::boolean flagged,
            coalesce((select sum(ST_Area(ST_Intersection(p.geom, f.geom)::geography)) from demo_feature f where f.layer = 'farmland' and ST_Intersects(p.geom, f.geom)), 0)::float farm_m2,
            coalesce((select ST_Area(ST_Difference(p.geom, ST_Union(t.geom))::geography) from demo_feature t where t.layer = 'town-development-boundary'), ST_Area(p.geom::geography))::float outside_m2,
            coalesce((select sum(ST_Area(ST_Intersection(p.geom, r.geom)::geography)) from demo_feature r where r.layer in ('ecological-redline', 'water-source-protection') and ST_Intersects(p.geom, r.geom)), 0)::float hard_m2
     from demo_feature p where p.layer = 'projects'`,
  );
  const flaggedOk = conflicts.filter((c) => c.flagged).every((c) => c.farm_m2 > 100 || c.outside_m2 > 100);
  const unflaggedClean = conflicts.filter((c) => !c.flagged).every((c) => c.farm_m2 < 1 && c.outside_m2 < 1 && c.hard_m2 < 1);
  report('projects flagged demoConflict really conflict', conflicts.filter((c) => c.flagged).map((c) => `${c.name}: 农田 ${(c.farm_m2 / 666.667).toFixed(0)}亩 / 边界外 ${(c.outside_m2 / 666.667).toFixed(0)}亩`).join('; '), flaggedOk);
  report('other projects: no farmland, inside town boundary, no red line / water source', `${conflicts.filter((c) => !c.flagged).length} projects`, unflaggedClean);
  for (const c of conflicts.filter((x) => !x.flagged && (x.farm_m2 >= 1 || x.outside_m2 >= 1 || x.hard_m2 >= 1))) console.log('     ', c);
} finally {
  await q('rollback').catch(() => undefined);
  await client.end();
}
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all PostGIS checks passed');
