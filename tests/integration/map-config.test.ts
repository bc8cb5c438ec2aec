import { describe, expect, it } from 'vitest';
import { buildMapConfig } from '../../server/src/modules/map-config/map-config.routes.ts';

describe('basemap configuration', () => {
  it('offers only the offline basemap without a 天地图 key or XYZ URL', () => {
    expect(buildMapConfig({ xyzName: '自定义底图' }).basemaps.map((b) => b.id)).toEqual(['offline']);
  });

  it('adds 天地图 vector and imagery, each with its annotation layer, over the eight hosts in the Web-Mercator set', () => {
    const cfg = buildMapConfig({ tiandituKey: 'k3y', xyzName: '自定义底图' });
    const vec = cfg.basemaps.find((b) => b.id === 'tianditu-vec')!;
    const img = cfg.basemaps.find((b) => b.id === 'tianditu-img')!;
    expect(vec.tiles).toHaveLength(8);
    expect(vec.tiles!.map((t) => new URL(t.replace(/[{}]/g, '')).host)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => `t${n}.tianditu.gov.cn`));
    expect(vec.tiles![0]).toContain('/vec_w/wmts?');
    expect(vec.tiles![0]).toContain('TILEMATRIXSET=w');
    expect(vec.tiles![0]).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k3y');
    expect(vec.labelTiles![0]).toContain('LAYER=cva');
    expect(img.tiles![0]).toContain('LAYER=img');
    expect(img.labelTiles![0]).toContain('LAYER=cia');
  });

  it('adds a configured XYZ basemap', () => {
    const cfg = buildMapConfig({ xyzUrl: 'https://tiles.example/{z}/{x}/{y}.png', xyzName: '内网影像' });
    expect(cfg.basemaps.at(-1)).toMatchObject({ id: 'xyz', name: '内网影像', tiles: ['https://tiles.example/{z}/{x}/{y}.png'] });
  });
});
