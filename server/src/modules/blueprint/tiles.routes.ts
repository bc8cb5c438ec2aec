import { Router } from 'express';
import type { Knex } from 'knex';
import { BlueprintErrors } from '../../../../common/src/contract/blueprint.errors.ts';
import { badRequest } from '../../http/app-error.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import type { LayersService } from './layers.service.ts';
import { encodeWithJs, encodeWithPostgis, type TileEncoder } from './tile-encoders.ts';

const MAX_ZOOM = 22;

/** Parses z/x/y: integers, 0 <= z <= 22, 0 <= x, y < 2^z; anything else is the client's mistake (400). */
export function parseTileAddress(z: string, x: string, yFile: string) {
  const y = /^(\d+)\.pbf$/.exec(yFile)?.[1];
  const ints = [z, x, y].map((v) => (v !== undefined && /^\d{1,8}$/.test(v) ? Number(v) : NaN));
  const [zi, xi, yi] = ints as [number, number, number];
  if (ints.some(Number.isNaN)) throw badRequest('瓦片地址无效：z、x、y 必须是非负整数，格式为 /tiles/{图层}/{z}/{x}/{y}.pbf', undefined, BlueprintErrors.BAD_TILE);
  if (zi > MAX_ZOOM) throw badRequest(`瓦片级别 z=${zi} 超出范围（0–${MAX_ZOOM}）`, undefined, BlueprintErrors.BAD_TILE);
  const n = 2 ** zi;
  if (xi >= n || yi >= n) throw badRequest(`瓦片行列号超出范围：级别 ${zi} 的 x、y 应在 0–${n - 1} 之间`, undefined, BlueprintErrors.BAD_TILE);
  return { z: zi, x: xi, y: yi };
}

export function tilesRoutes(db: Knex, layers: LayersService, encoder: TileEncoder) {
  const r = Router();
  r.use(requireLogin);
  r.get('/:layer/:z/:x/:y', async (req, res) => {
    const { z, x, y } = parseTileAddress(req.params.z, req.params.x, req.params.y);
    const layer = await layers.visibleLayer(actorOf(req), req.params.layer);
    // The layer version changes with every data change: it alone decides whether a tile is fresh.
    const etag = `W/"${layer.key}-v${layer.version}"`;
    const current = req.query.v === String(layer.version);
    res.set({ ETag: etag, 'Cache-Control': current ? 'private, max-age=86400' : 'private, no-cache', Vary: 'Cookie' });
    if (req.get('if-none-match') === etag) return void res.status(304).end();
    // Too dense to draw at this zoom: empty, like a tile without data (see refreshLayerStats).
    if (z < layer.min_zoom) return void res.status(204).end();
    const t = { layerId: layer.id, layerName: layer.key, z, x, y };
    const body = encoder === 'postgis' ? await encodeWithPostgis(db, t) : await encodeWithJs(db, t);
    if (body.length === 0) return void res.status(204).end();
    res.type('application/vnd.mapbox-vector-tile').send(body);
  });
  return r;
}
