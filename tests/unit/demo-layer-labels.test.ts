import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_LAYERS } from '../../server/src/demo/demo-layers.ts';

describe('demo layer registry', () => {
  it.each(DEMO_LAYERS.map((l) => [l.key, l] as const))('%s declares a Chinese label for every attribute in its data', (key, layer) => {
    const fc = JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;
    const used = new Set(fc.features.flatMap((f) => Object.keys(f.properties ?? {})));
    const declared = new Map(layer.attributes.map((a) => [a.key, a.label]));
    for (const k of used) expect(declared.get(k), `${key}.${k}`).toMatch(/[\u4e00-\u9fff]/);
  });
});
