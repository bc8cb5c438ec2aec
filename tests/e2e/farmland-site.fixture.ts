import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Driver } from './driver.ts';
import { DEMO_PASSWORD, ROOT } from './e2e-config.ts';
import { MapLayersDriver } from './map-layers-driver.ts';
import { SitingToolsDriver } from './siting-driver.ts';

// “A site over the largest farmland patch”, shared by the 选址分析, 选址报告, 选址规则 and 重点项目
// tests: the patch is read from the demo data (not from the app), the site is a rectangle from just
// south-west of the patch to a point inside it, so it covers part of the patch and part of its
// surroundings.

export type FarmlandPatch = Feature<Polygon | MultiPolygon, { code: string; county: string }>;
type LonLat = [number, number];
type PagePoint = { x: number; y: number };

/** Every demo 永久基本农田 patch. */
export function demoFarmland(): FarmlandPatch[] {
  return (JSON.parse(readFileSync(join(ROOT, 'data/demo/farmland.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string; county: string }>).features;
}

export interface FarmlandTarget {
  /** All demo patches (a site may touch more than the chosen one). */
  farmland: FarmlandPatch[];
  patch: FarmlandPatch;
  /** A point inside the patch: the site's north-east corner. */
  inside: LonLat;
  /** Just south-west of the patch: the site's south-west corner. */
  corner: LonLat;
  /** /blueprint with a map view that shows the site about 400 px across, left of the panel on the right. */
  view: string;
}

/** The largest demo farmland patch (of one county, given its code) and the site over it. */
export function largestFarmlandPatch(county?: string): FarmlandTarget {
  const farmland = demoFarmland();
  const patch = farmland.filter((f) => !county || f.properties.county === county).reduce((a, b) => (area(b) > area(a) ? b : a));
  const [w, s, e, n] = bbox(patch);
  const inside = pointOnFeature(patch).geometry.coordinates as LonLat;
  const corner: LonLat = [w - (e - w) * 0.1, s - (n - s) * 0.1];
  const dLon = inside[0] - corner[0];
  const dLat = (inside[1] - corner[1]) / Math.cos((inside[1] * Math.PI) / 180);
  const zoom = Math.min(17, Math.log2((400 * 360) / (512 * Math.max(dLon, dLat))));
  const pxPerDeg = (512 * 2 ** zoom) / 360; // MapLibre's world is 512 px wide at zoom 0
  const centre: LonLat = [(corner[0] + inside[0]) / 2 + 200 / pxPerDeg, (corner[1] + inside[1]) / 2];
  return { farmland, patch, inside, corner, view: `/blueprint#map=${zoom.toFixed(2)}/${centre[1].toFixed(6)}/${centre[0].toFixed(6)}` };
}

export class FarmlandSite {
  readonly layers: MapLayersDriver;
  readonly siting: SitingToolsDriver;

  constructor(
    readonly driver: Driver,
    readonly target: FarmlandTarget,
  ) {
    this.layers = new MapLayersDriver(driver);
    this.siting = new SitingToolsDriver(driver);
  }

  /** Opens the map on the site (signing in as `username` on the way when given) and waits for it. */
  async open(username?: string): Promise<void> {
    await this.driver.open(this.target.view);
    if (username) {
      await this.driver.waitForLoginPage();
      await this.driver.login(username, DEMO_PASSWORD);
    }
    await this.driver.waitForMap();
  }

  /**
   * 永久基本农田 drawn (so the screenshots show what the site runs into), 选址分析 open, the rectangle
   * drawn; returns its corners in page coordinates as clicked.
   */
  async draw(): Promise<{ from: PagePoint; to: PagePoint }> {
    await this.layers.setLayer('farmland', true);
    await this.layers.waitForRendered('overlay-farmland-fill');
    await this.siting.open();
    await this.siting.chooseMode('rectangle');
    const from = await this.layers.screenPoint(this.target.corner);
    const to = await this.layers.screenPoint(this.target.inside);
    await this.siting.drawRectangle(from, to);
    return { from, to };
  }
}

/** Signs in as the planner on the site over the largest patch (of `county`) and draws it. */
export async function siteOverLargestFarmland(driver: Driver, county?: string): Promise<FarmlandSite & { from: PagePoint; to: PagePoint }> {
  const site = new FarmlandSite(driver, largestFarmlandPatch(county));
  await site.open('planner');
  return Object.assign(site, await site.draw());
}
