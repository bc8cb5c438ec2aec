import { Router } from 'express';
import { createLayerFields, importFields, uploadFields } from '../../../../../common/src/contract/blueprint.contract.ts';
import { actorOf, requestMeta, requireLogin } from '../../../http/session.middleware.ts';
import { uploadOne, uploadedFile } from '../../../http/upload.ts';
import { parseOr400 } from '../../../http/validate.ts';
import type { GeoImportService, Upload } from './geo-import.service.ts';

function toUpload(req: Parameters<typeof uploadedFile>[0], fields: { crs?: number; layer?: string }): Upload {
  return { ...uploadedFile(req), declaredEpsg: fields.crs, layer: fields.layer };
}

/** POST /api/geo/parse: read a file and show what it holds, storing nothing. */
export function geoRoutes(imports: GeoImportService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/parse', uploadOne, async (req, res) => {
    const fields = parseOr400(uploadFields, req.body ?? {});
    res.json(await imports.preview(toUpload(req, fields)));
  });
  return r;
}

/** Mounted under /api/layers: create a layer from a file, import into one. */
export function layerImportRoutes(imports: GeoImportService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/', uploadOne, async (req, res) => {
    const fields = parseOr400(createLayerFields, req.body ?? {});
    const result = await imports.createLayer(actorOf(req), toUpload(req, fields), fields, requestMeta(req).ip);
    res.status(201).json(result);
  });
  r.post('/:key/import', uploadOne, async (req, res) => {
    const fields = parseOr400(importFields, req.body ?? {});
    res.json(await imports.importInto(actorOf(req), req.params.key as string, toUpload(req, fields), fields.mode, requestMeta(req).ip));
  });
  return r;
}
