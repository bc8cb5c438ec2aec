import { Router } from 'express';
import { z } from 'zod';
import { LAYER_GROUPS, LAYER_KINDS } from '../../../../../common/src/layers.ts';
import { actorOf, requestMeta, requireLogin } from '../../../http/session.middleware.ts';
import { uploadOne, uploadedFile } from '../../../http/upload.ts';
import { parseOr400 } from '../../../http/validate.ts';
import type { GeoImportService, Upload } from './geo-import.service.ts';

const crsField = z
  .string()
  .trim()
  .regex(/^(EPSG:)?\d{4,5}$/i, '坐标系须写成 EPSG 代码，如 EPSG:4527')
  .transform((s) => Number(s.replace(/^EPSG:/i, '')))
  .optional()
  .or(z.literal('').transform(() => undefined));

const uploadFields = z.object({ crs: crsField, layer: z.string().max(128).optional() });

const createFields = uploadFields.extend({
  name: z.string({ error: '请填写图层名称' }).trim().min(1, '请填写图层名称').max(64, '图层名称最多 64 个字'),
  group: z.enum(LAYER_GROUPS, { error: `图层分组须为：${LAYER_GROUPS.join('、')}` }),
  kind: z.enum(LAYER_KINDS, { error: `图层类型须为：${LAYER_KINDS.join('、')}` }),
  description: z.string().max(500).optional(),
});

const importFields = uploadFields.extend({
  mode: z.enum(['append', 'replace'], { error: '导入方式须为 append（追加）或 replace（替换）' }),
});

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
    const fields = parseOr400(createFields, req.body ?? {});
    const result = await imports.createLayer(actorOf(req), toUpload(req, fields), fields, requestMeta(req).ip);
    res.status(201).json(result);
  });
  r.post('/:key/import', uploadOne, async (req, res) => {
    const fields = parseOr400(importFields, req.body ?? {});
    res.json(await imports.importInto(actorOf(req), req.params.key as string, toUpload(req, fields), fields.mode, requestMeta(req).ip));
  });
  return r;
}
