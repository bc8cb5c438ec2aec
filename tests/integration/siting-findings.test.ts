import proj4 from 'proj4';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SitingFinding } from '../../common/src/siting.ts';
import { createApp } from '../../server/src/app.ts';
import { candidateFindings } from '../../server/src/modules/siting/siting-recommend.repository.ts';
import { activeRules } from '../../server/src/modules/siting/siting-rules.repository.ts';
import { SitingService } from '../../server/src/modules/siting/siting.service.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// The recommendation measures its candidates' conflicts in one batch; the analysis measures one site.
// Both must reach the same findings for the same geometry, whatever shortcuts the query takes. The
// expected overlaps are computed here independently, in GK zones registered apart from the server.
const GK: Record<number, string> = {
  4526: '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  4527: '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
};
type XY = [number, number];
const rectangle = ([x, y]: XY, w: number, h: number): XY[] => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
const polygon = (epsg: number, ring: XY[]): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [ring.map((p) => proj4(GK[epsg]!, 'EPSG:4326', p) as XY)] });
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

describe('the findings of the recommendation and of the analysis', () => {
  it('agree for the same geometry: overlapping features of a layer, a site inside a feature, abutting features, two GK zones', async () => {
    // A test layer in a transaction that is rolled back (other workers on a shared PostgreSQL database
    // must not see it); the analysis runs through the real app built on that transaction.
    const trx = await ctx.db.knex.transaction();
    try {
      const app = createApp({ config: ctx.config, db: { ...ctx.db, knex: trx as unknown as Knex }, log: () => {} });
      const agent = await loginAs(app, 'planner');
      const layerKey = `findings-test-${Date.now().toString(36)}`;
      const [layer] = await trx('layers').insert({ key: layerKey, name: '测试刚性管控', group_name: '三区三线', kind: 'hard', geometry_type: 'polygon' }).returning('id');
      const addFeature = async (name: string, epsg: number, ring: XY[]) => {
        const [f] = await trx('layer_features')
          .insert({ layer_id: layer.id, properties: { name }, geom: trx.raw('ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326)', [JSON.stringify(polygon(epsg, ring))]) })
          .returning('id');
        return Number(f.id);
      };

      const east = proj4('EPSG:4326', GK[4527]!, [116.06, 36.45]) as XY; // 东昌府区, zone 39
      const west = proj4('EPSG:4326', GK[4526]!, [115.4, 36.48]) as XY; // 冠县, zone 38
      const at = (o: XY, dx: number, dy: number): XY => [o[0] + dx, o[1] + dy];
      // Site 1 (400 × 300 m): A crosses its edge, B lies inside it and overlaps A by 100 × 100 m, so
      // the parts overlap and only their union gives the figure: 200 × 150 + 250 × 200 − 100 × 100.
      const a = await addFeature('重叠甲', 4527, rectangle(at(east, -100, -100), 300, 250));
      const b = await addFeature('重叠乙', 4527, rectangle(at(east, 100, 50), 250, 200));
      // Site 2 (200 × 200 m) lies inside C: the overlap is the whole site.
      const c = await addFeature('包含选址', 4527, rectangle(at(east, 900, -100), 500, 500));
      // Site 3 (500 × 250 m, zone 38) holds D and E, which share an edge: two 100 × 100 m squares.
      const d = await addFeature('相邻甲', 4526, rectangle(at(west, 100, 50), 100, 100));
      const e = await addFeature('相邻乙', 4526, rectangle(at(west, 200, 50), 100, 100));
      const sites = [
        { id: 11, epsg: 4527, geometry: polygon(4527, rectangle(east, 400, 300)), expected: { m2: 70_000, ids: [a, b] } },
        { id: 12, epsg: 4527, geometry: polygon(4527, rectangle(at(east, 1000, 0), 200, 200)), expected: { m2: 40_000, ids: [c] } },
        { id: 13, epsg: 4526, geometry: polygon(4526, rectangle(west, 500, 250)), expected: { m2: 20_000, ids: [d, e] } },
      ];

      const rules = await activeRules(trx);
      const siting = new SitingService(trx);
      const batch = await candidateFindings(trx, sites, rules);
      expect(new Set(batch.map((r) => r.sid))).toEqual(new Set(sites.map((s) => s.id)));
      for (const site of sites) {
        const analysis = (await agent.post('/api/siting/analyze').send({ geometry: site.geometry }).expect(200)).body;
        expect(analysis.area.epsg).toBe(site.epsg);
        // The recommendation reads its rows with the analysis's own finding().
        const recommended = batch
          .filter((r) => r.sid === site.id)
          .map((r) => siting.finding(r, analysis.area.m2, rules))
          .filter((f): f is SitingFinding => f !== null);
        const key = (f: SitingFinding) => `${f.layer}/${f.rule}`;
        const analysed = analysis.findings as SitingFinding[];
        expect(recommended.map(key).sort()).toEqual(analysed.map(key).sort());
        for (const f of analysed) {
          const r = recommended.find((x) => key(x) === key(f))!;
          expect(r.featureIds).toEqual(f.featureIds);
          expect(r.severity).toBe(f.severity);
          expect(relative(r.overlapM2, f.overlapM2)).toBeLessThan(0.0001);
        }
        // And both are right, against the independent figure.
        const own = analysed.find((f) => f.layer === layerKey);
        expect(own, `site ${site.id}`).toMatchObject({ rule: 'hard-default', severity: 'forbidden', featureIds: site.expected.ids });
        expect(relative(own!.overlapM2, site.expected.m2), `site ${site.id}: ${own!.overlapM2} m²`).toBeLessThan(0.001);
      }
    } finally {
      await trx.rollback();
    }
  });
});
