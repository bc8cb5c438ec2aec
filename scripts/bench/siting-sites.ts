/**
 * The sites of `npm run bench:siting`: one per size (亩), seeded and deterministic for the same data.
 *
 * Each site is a 12-corner irregular polygon (an ellipse of seeded aspect and rotation with corners
 * jittered by up to ±7 %), built in the GK plane of its zone and scaled to the exact target area, so it
 * looks like a drawn parcel, not an axis-aligned box. Its centre is a seeded vertex of a non-farmland
 * constraint layer (生态保护红线, 城镇开发边界, 水源保护区, 文物保护范围 …) moved by up to half the site's
 * radius: of a fixed list of such candidates the site that touches the most constraint layers wins,
 * then the one holding the most farmland patches, so it really crosses dense farmland and other layers.
 */
import type { Knex } from 'knex';
import { fromGk, toGk } from '../../common/src/gk-proj.ts';
import { gkZone } from '../../common/src/units.ts';
import { mulberry32 } from '../demo/random.ts';

export const MU_M2 = 10_000 / 15;

export interface BenchSite {
  label: string;
  mu: number;
  epsg: number;
  geometry: GeoJSON.Polygon;
  /** The GK zone the analysis measures in (by the site's centroid, as the server chooses). */
  /** Constraint layers the site touches, by key. */
  layers: string[];
  /** Farmland patches whose bounding box meets the site's. */
  farmlandPatches: number;
}

const CORNERS = 12;
const CANDIDATES = 120;

/** A simple (star-shaped, hence valid) polygon of exactly `m2` in the GK plane around (x, y). */
export function sitePolygon(centre: [number, number], m2: number, rnd: () => number): GeoJSON.Polygon {
  const { zone } = gkZone(centre[0]);
  const c = toGk(centre[0], centre[1], zone);
  const aspect = 1 + rnd() * 0.6;
  const rotation = rnd() * Math.PI;
  const corners: [number, number][] = [];
  for (let i = 0; i < CORNERS; i++) {
    const t = (2 * Math.PI * i) / CORNERS;
    const r = 1 + (rnd() - 0.5) * 0.14;
    const u = Math.cos(t) * aspect * r;
    const v = Math.sin(t) * r;
    corners.push([u * Math.cos(rotation) - v * Math.sin(rotation), u * Math.sin(rotation) + v * Math.cos(rotation)]);
  }
  let twice = 0;
  for (let i = 0; i < CORNERS; i++) {
    const [ax, ay] = corners[i]!;
    const [bx, by] = corners[(i + 1) % CORNERS]!;
    twice += ax * by - bx * ay;
  }
  const scale = Math.sqrt(m2 / Math.abs(twice / 2));
  // GK: x is the northing, y the prefixed easting.
  const ring = corners.map(([e, n]) => fromGk(c.x + n * scale, c.y + e * scale));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

export async function benchSites(knex: Knex, sizesMu: readonly number[], seed = 20261126): Promise<BenchSite[]> {
  const anchors = await knex.raw(`
    select ST_X(d.geom) as lon, ST_Y(d.geom) as lat
    from (select f.id, ST_DumpPoints(f.geom) as d
          from layer_features f join layers l on l.id = f.layer_id
          where l.kind in ('hard', 'soft') and l.geometry_type = 'polygon' and l.key <> 'farmland') v,
         lateral (select (v.d).geom) d
    order by v.id, (v.d).path`);
  const points = anchors.rows as { lon: number; lat: number }[];
  if (points.length === 0) throw new Error('no constraint-layer vertices to place the bench sites by');
  const sites: BenchSite[] = [];
  for (const mu of sizesMu) {
    const rnd = mulberry32(seed + mu);
    const m2 = mu * MU_M2;
    const radius = Math.sqrt(m2 / Math.PI);
    let best: BenchSite | null = null;
    for (let i = 0; i < CANDIDATES; i++) {
      const anchor = points[Math.floor(rnd() * points.length)]!;
      const gk = toGk(anchor.lon, anchor.lat);
      const angle = rnd() * 2 * Math.PI;
      const shift = rnd() * radius * 0.5;
      const centre = fromGk(gk.x + shift * Math.sin(angle), gk.y + shift * Math.cos(angle));
      const geometry = sitePolygon(centre, m2, rnd);
      const r = await knex.raw(
        `with s as (select ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326) as g)
         select (select array_agg(distinct l.key order by l.key) from layer_features f join layers l on l.id = f.layer_id, s
                  where l.kind in ('hard', 'soft') and l.geometry_type = 'polygon' and f.geom && s.g and ST_Intersects(f.geom, s.g)) as layers,
                (select count(*)::int from layer_features f join layers l on l.id = f.layer_id, s where l.key = 'farmland' and f.geom && s.g) as farmland,
                (select ST_CoveredBy(s.g, r.geom) from regions r, s where r.level = 'city') as inside,
                (select ST_X(ST_Centroid(s.g)) from s) as lon`,
        [JSON.stringify(geometry)],
      );
      const row = r.rows[0] as { layers: string[] | null; farmland: number; inside: boolean; lon: number };
      const layers = row.layers ?? [];
      if (!row.inside || !layers.includes('farmland')) continue;
      if (!best || layers.length > best.layers.length || (layers.length === best.layers.length && row.farmland > best.farmlandPatches)) {
        best = { label: `${mu.toLocaleString('en-US').replace(/,/g, ' ')} 亩`, mu, epsg: gkZone(row.lon).epsgPrefixed, geometry, layers, farmlandPatches: row.farmland };
      }
    }
    if (!best) throw new Error(`no ${mu}-亩 candidate site inside the city touches farmland`);
    sites.push(best);
  }
  return sites;
}
