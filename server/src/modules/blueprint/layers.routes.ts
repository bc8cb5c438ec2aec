import { Router } from 'express';
import { bboxQuery, pointQuery } from '../../../../common/src/contract/blueprint.contract.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400, pathId } from '../../http/validate.ts';
import { toLayerInfo, type LayersService } from './layers.service.ts';

export function layersRoutes(layers: LayersService) {
  const r = Router();
  r.use(requireLogin);

  r.get('/', async (req, res) => {
    res.json(await layers.list(actorOf(req)));
  });

  // Identify: what is at this point, across the visible layers.
  r.get('/features-at', async (req, res) => {
    const q = parseOr400(pointQuery, req.query);
    res.json(await layers.atPoint(actorOf(req), q.lon, q.lat, q.radius, q.layers));
  });

  r.get('/:key', async (req, res) => {
    res.json(toLayerInfo(await layers.visibleLayer(actorOf(req), req.params.key)));
  });

  r.get('/:key/features', async (req, res) => {
    const q = parseOr400(bboxQuery, req.query);
    res.json(await layers.inBbox(actorOf(req), req.params.key, q.bbox, q.limit));
  });

  r.get('/:key/features/:id', async (req, res) => {
    res.json(await layers.feature(actorOf(req), req.params.key, pathId(req.params.id, '要素')));
  });

  return r;
}
