import { Router } from 'express';
import type { MapConfig } from '../../../../common/src/regions.ts';
import type { Config } from '../../config/config.ts';
import { requireLogin } from '../../http/session.middleware.ts';

const TIANDITU_HOSTS = [0, 1, 2, 3, 4, 5, 6, 7];

/** 天地图 WMTS in the Web-Mercator matrix set "w" (the only one MapLibre can show), one URL per host t0…t7. */
export function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  return TIANDITU_HOSTS.map(
    (n) =>
      `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );
}

export function buildMapConfig(basemaps: Config['basemaps']): MapConfig {
  const list: MapConfig['basemaps'] = [{ id: 'offline', name: '离线底图', kind: 'offline' }];
  if (basemaps.tiandituKey) {
    const key = basemaps.tiandituKey;
    const attribution = '天地图 © 国家地理信息公共服务平台';
    list.push({ id: 'tianditu-vec', name: '天地图矢量', kind: 'tianditu-vec', tiles: tiandituTiles('vec', key), labelTiles: tiandituTiles('cva', key), attribution });
    list.push({ id: 'tianditu-img', name: '天地图影像', kind: 'tianditu-img', tiles: tiandituTiles('img', key), labelTiles: tiandituTiles('cia', key), attribution });
  }
  if (basemaps.xyzUrl) list.push({ id: 'xyz', name: basemaps.xyzName, kind: 'xyz', tiles: [basemaps.xyzUrl], attribution: basemaps.xyzAttribution });
  return { basemaps: list, center: [115.95, 36.42], zoom: 8 };
}

export function mapConfigRoutes(basemaps: Config['basemaps']) {
  const r = Router();
  const body = buildMapConfig(basemaps);
  r.get('/map', requireLogin, (_req, res) => {
    res.json(body);
  });
  return r;
}
