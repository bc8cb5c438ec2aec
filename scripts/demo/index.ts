/**
 * Demo-data pipeline (演示数据): wires the layer generators in dependency order.
 *
 *   counties → rivers → lakes → water-source zones → red line (rivers, lakes, wetlands)
 *   → development zones → industrial parks → town development boundaries → red line (canal)
 *   → heritage → stock land → projects (sites, conflict anchors) → farmland → control units, roads
 *
 * Everything is a pure function of (counties, seed, farmland count): same input → same output.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { prepareCounties, type Frame } from './base.ts';
import { DEFAULT_SEED } from './random.ts';
import type { PolyGeom } from './geo.ts';
import { generateRivers, riverLines, type RiverLines } from './rivers.generator.ts';
import { generateLakes, lakeGeometries, type LakeGeoms } from './lakes.generator.ts';
import { generateWaterSourceProtection, waterSourceGeometries, type WaterZoneGeoms } from './water-source-protection.generator.ts';
import { generateEcologicalRedline, redlineCanal, redlineCore, type RedlinePart } from './ecological-redline.generator.ts';
import { devZoneGeometries, generateDevelopmentZones, type DevZoneGeom } from './development-zones.generator.ts';
import { generateIndustrialParks, parkGeometries, type ParkGeom } from './industrial-parks.generator.ts';
import { generateTownDevelopmentBoundary, townGeometries, type TownGeom } from './town-development-boundary.generator.ts';
import { generateHeritage, heritageGeometries, type HeritageGeoms } from './heritage.generator.ts';
import { generateStockLand, stockParcels, type StockParcel } from './stock-land.generator.ts';
import { planProjects, type DemoProject, type ProjectPlan } from './projects.generator.ts';
import { DEFAULT_FARMLAND_COUNT, farmlandFeatures, type FarmlandConstraints, type FarmlandProps } from './farmland.generator.ts';
import { generateEnvironmentalControlUnits } from './environmental-control-units.generator.ts';
import { generateMainRoads, roadLines } from './main-roads.generator.ts';

export const LAYERS = [
  { key: 'town-development-boundary', title: '城镇开发边界', generator: 'town-development-boundary.generator.ts' },
  { key: 'ecological-redline', title: '生态保护红线', generator: 'ecological-redline.generator.ts' },
  { key: 'farmland', title: '永久基本农田', generator: 'farmland.generator.ts' },
  { key: 'water-source-protection', title: '饮用水水源保护区', generator: 'water-source-protection.generator.ts' },
  { key: 'development-zones', title: '开发区', generator: 'development-zones.generator.ts' },
  { key: 'industrial-parks', title: '产业园区', generator: 'industrial-parks.generator.ts' },
  { key: 'environmental-control-units', title: '环境管控单元', generator: 'environmental-control-units.generator.ts' },
  { key: 'stock-land', title: '存量土地', generator: 'stock-land.generator.ts' },
  { key: 'heritage', title: '文物保护', generator: 'heritage.generator.ts' },
  { key: 'rivers', title: '主要河流', generator: 'rivers.generator.ts' },
  { key: 'lakes', title: '湖泊与水库', generator: 'lakes.generator.ts' },
  { key: 'main-roads', title: '主要道路', generator: 'main-roads.generator.ts' },
] as const;

export type LayerKey = (typeof LAYERS)[number]['key'];

export interface DemoOptions {
  seed?: number;
  /** number of 永久基本农田 patches (default 3000) */
  farmlandCount?: number;
}

/** every intermediate geometry of the pipeline except farmland and the derived layers */
export interface DemoContext {
  seed: number;
  frame: Frame;
  rivers: RiverLines;
  lakes: LakeGeoms;
  water: WaterZoneGeoms;
  redline: RedlinePart[];
  zones: DevZoneGeom[];
  parks: ParkGeom[];
  towns: TownGeom[];
  heritage: HeritageGeoms;
  parcels: StockParcel[];
  plan: ProjectPlan;
  farmland: FarmlandConstraints;
}

export function buildContext(counties: FeatureCollection, options: DemoOptions = {}): DemoContext {
  const seed = options.seed ?? DEFAULT_SEED;
  const frame = prepareCounties(counties);
  const rivers = riverLines(frame, seed);
  const lakes = lakeGeometries(frame, seed);
  const water = waterSourceGeometries(frame, seed, lakes);
  const core = redlineCore(frame, seed, rivers, lakes, water);
  const blocked: PolyGeom[] = [...core.map((p) => p.geom), ...water.zones.map((z) => z.outer)];
  const zones = devZoneGeometries(frame, seed, blocked);
  const parks = parkGeometries(frame, seed, zones, blocked);
  const towns = townGeometries(frame, seed, zones, parks, blocked);
  const canal = redlineCanal(frame, rivers, towns.map((t) => t.geom), core, water);
  const redline = [...core, ...canal];
  const heritage = heritageGeometries(frame, seed, rivers);
  const lakeGeoms = lakes.all.map((l) => l.geom);
  const siteGeoms = heritage.sites.map((s) => s.geom);
  const redlineGeoms = redline.map((p) => p.geom);
  const waterGeoms = water.zones.map((z) => z.outer);
  const riverCoords = [rivers.yellow, rivers.wei, rivers.canal, rivers.tuhai, rivers.majia];
  const parcels = stockParcels(frame, seed, {
    zones,
    parks,
    towns,
    exclude: [...lakeGeoms, ...siteGeoms, ...redlineGeoms, ...waterGeoms],
    lines: riverCoords,
  });
  const farmlandExclude: PolyGeom[] = [
    ...towns.map((t) => t.geom),
    ...redlineGeoms,
    ...waterGeoms,
    ...zones.map((z) => z.geom),
    ...parks.map((p) => p.geom),
    ...parcels.map((p) => p.geom),
    ...siteGeoms,
    ...lakeGeoms,
  ];
  const farmlandLines = [
    { coords: riverCoords, clearanceM: 80 },
    { coords: roadLines().map((r) => r.line), clearanceM: 40 },
  ];
  const plan = planProjects(frame, seed, {
    parcels,
    parks,
    zones,
    towns,
    exclude: [...redlineGeoms, ...waterGeoms, ...lakeGeoms, ...siteGeoms],
    lines: riverCoords,
    farmlandExclude,
    farmlandLines,
  });
  const farmland: FarmlandConstraints = {
    exclude: [...farmlandExclude, ...plan.farmlandReserved],
    lines: farmlandLines,
    yellowRiver: rivers.yellow,
    anchors: plan.farmlandAnchors,
  };
  return { seed, frame, rivers, lakes, water, redline, zones, parks, towns, heritage, parcels, plan, farmland };
}

/** the farmland patches one by one (for large N without holding a FeatureCollection) */
export function farmlandIterator(
  counties: FeatureCollection,
  options: DemoOptions & { context?: DemoContext } = {},
): Generator<Feature<Polygon, FarmlandProps>> {
  const ctx = options.context ?? buildContext(counties, options);
  return farmlandFeatures(counties, {
    seed: ctx.seed,
    frame: ctx.frame,
    count: options.farmlandCount ?? DEFAULT_FARMLAND_COUNT,
    constraints: ctx.farmland,
  });
}

export interface DemoData {
  seed: number;
  farmlandCount: number;
  layers: Record<LayerKey, FeatureCollection>;
  projects: DemoProject[];
}

export function generateDemoData(counties: FeatureCollection, options: DemoOptions = {}): DemoData {
  const ctx = buildContext(counties, options);
  const { seed, frame } = ctx;
  const o = { seed, frame };
  const farmlandCount = options.farmlandCount ?? DEFAULT_FARMLAND_COUNT;
  const layers: Record<LayerKey, FeatureCollection> = {
    'town-development-boundary': generateTownDevelopmentBoundary(counties, { ...o, geoms: ctx.towns }),
    'ecological-redline': generateEcologicalRedline(counties, { ...o, parts: ctx.redline }),
    farmland: { type: 'FeatureCollection', features: [...farmlandIterator(counties, { context: ctx, farmlandCount })] },
    'water-source-protection': generateWaterSourceProtection(counties, { ...o, geoms: ctx.water }),
    'development-zones': generateDevelopmentZones(counties, { ...o, geoms: ctx.zones }),
    'industrial-parks': generateIndustrialParks(counties, { ...o, geoms: ctx.parks }),
    'environmental-control-units': generateEnvironmentalControlUnits(counties, {
      ...o,
      inputs: { redline: ctx.redline, water: ctx.water, zones: ctx.zones, parks: ctx.parks, towns: ctx.towns },
    }),
    'stock-land': generateStockLand(counties, { ...o, parcels: ctx.parcels }),
    heritage: generateHeritage(counties, { ...o, rivers: ctx.rivers, geoms: ctx.heritage }),
    rivers: generateRivers(counties, { ...o, lines: ctx.rivers }),
    lakes: generateLakes(counties, { ...o, geoms: ctx.lakes }),
    'main-roads': generateMainRoads(counties, o),
  };
  return { seed, farmlandCount, layers, projects: ctx.plan.projects };
}

/**
 * Serialises a layer: a GeoJSON FeatureCollection with a few foreign members describing it
 * (`name`, `title`, `demo`, `generator`, `seed`), one feature per line (diff-friendly).
 */
export function serializeLayer(key: LayerKey, fc: FeatureCollection, seed: number, extra: Record<string, unknown> = {}): string {
  const meta = LAYERS.find((l) => l.key === key)!;
  const head = JSON.stringify({
    type: 'FeatureCollection',
    name: key,
    title: `${meta.title}（演示数据）`,
    demo: true,
    generator: `scripts/demo/${meta.generator}`,
    seed,
    ...extra,
  });
  const features = fc.features.map((f) => JSON.stringify(f)).join(',\n');
  return `${head.slice(0, -1)},"features":[\n${features}\n]}\n`;
}

export function serializeProjects(projects: DemoProject[]): string {
  return `[\n${projects.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}
