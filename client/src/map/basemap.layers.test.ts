import { describe, expect, it } from 'vitest';
import type { Basemap } from '../api/api.types';
import { basemapLayers, basemapSources, tiandituLabelTiles } from './basemap.layers';

const hosts = [0, 1, 2, 3, 4, 5, 6, 7];
const tdt = (layer: string) =>
  hosts.map(
    (n) =>
      `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY`,
  );

const basemaps: Basemap[] = [
  { id: 'offline', name: '离线底图', kind: 'offline' },
  { id: 'tdt-vec', name: '天地图矢量', kind: 'tianditu-vec', tiles: tdt('vec'), attribution: '天地图' },
  { id: 'tdt-img', name: '天地图影像', kind: 'tianditu-img', tiles: tdt('img') },
  { id: 'osm', name: '自定义', kind: 'xyz', tiles: ['https://tiles.example/{z}/{x}/{y}.png'] },
];

describe('basemap layers', () => {
  it('derives the 天地图 annotation tiles on all eight hosts', () => {
    expect(tiandituLabelTiles(basemaps[1]!)).toEqual(tdt('cva'));
    expect(tiandituLabelTiles(basemaps[2]!)).toEqual(tdt('cia'));
    expect(tiandituLabelTiles(basemaps[3]!)).toBeNull();
  });

  it('prefers the annotation tiles the server sends', () => {
    expect(tiandituLabelTiles({ ...basemaps[1]!, labelTiles: ['https://example/cva/{z}/{x}/{y}'] })).toEqual(['https://example/cva/{z}/{x}/{y}']);
  });

  it('makes raster sources only for basemaps with tiles', () => {
    expect(Object.keys(basemapSources(basemaps))).toEqual([
      'basemap-tdt-vec',
      'basemap-tdt-vec-labels',
      'basemap-tdt-img',
      'basemap-tdt-img-labels',
      'basemap-osm',
    ]);
  });

  it('shows only the active basemap', () => {
    const visible = basemapLayers(basemaps, 'tdt-img')
      .filter((l) => l.type === 'raster' && l.layout?.visibility === 'visible')
      .map((l) => l.id);
    expect(visible).toEqual(['basemap-tdt-img', 'basemap-tdt-img-labels']);
  });
});
