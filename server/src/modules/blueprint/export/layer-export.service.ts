import type { Knex } from 'knex';
import { BlueprintErrors } from '../../../../../common/src/contract/blueprint.errors.ts';
import { badRequest } from '../../../http/app-error.ts';
import type { Actor } from '../../../policy/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { gkEpsg, writeCoordinateFile, writeShapefileZip, type Issue } from '../formats/index.ts';
import type { LayersService } from '../layers.service.ts';
import { exportFeatures } from './layer-export.repository.ts';

export const MAX_EXPORT_FEATURES = 100_000;

export interface ExportRequest {
  format: 'geojson' | 'shapefile' | 'coordinate-file';
  /** GK zone (38/39) for 坐标文件 and projected shapefiles; omitted: by the layer's centre. */
  zone?: number;
  /** Shapefile in CGCS2000 geographic (default) or in the GK zone. */
  projected?: boolean;
  encoding: 'gbk' | 'utf8';
  ids?: number[];
  bbox?: [number, number, number, number];
}

export interface ExportFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
  report: Issue[];
}

export class LayerExportService {
  constructor(
    private readonly db: Knex,
    private readonly layers: LayersService,
  ) {}

  async export(actor: Actor, key: string, req: ExportRequest, ip: string | null): Promise<ExportFile> {
    const layer = await this.layers.visibleLayer(actor, key);
    const centreLon = layer.bbox ? (layer.bbox[0] + layer.bbox[2]) / 2 : 116;
    const zone = req.zone ?? (centreLon < 115.5 ? 38 : 39);
    if (req.format === 'coordinate-file' && layer.geometry_type !== 'polygon') {
      throw badRequest(`坐标文件只能导出面要素，图层“${layer.name}”是${layer.geometry_type === 'line' ? '线' : '点'}图层`, undefined, BlueprintErrors.NOT_POLYGONS);
    }
    const projected = req.format === 'coordinate-file' || (req.format === 'shapefile' && req.projected === true);
    const epsg = projected ? gkEpsg(zone, true)! : 4326;
    const features = await exportFeatures(this.db, { layerId: layer.id, epsg, digits: projected ? 3 : 7, ids: req.ids, bbox: req.bbox, limit: MAX_EXPORT_FEATURES + 1 });
    if (features.length === 0) throw badRequest('所选范围内没有要素可导出', undefined, BlueprintErrors.NOTHING_TO_EXPORT);
    if (features.length > MAX_EXPORT_FEATURES) throw badRequest(`一次最多导出 ${MAX_EXPORT_FEATURES} 个要素，请缩小范围`, undefined, BlueprintErrors.TOO_MANY);

    let file: ExportFile;
    if (req.format === 'geojson') {
      const fc = { type: 'FeatureCollection', name: layer.name, features };
      file = { bytes: new TextEncoder().encode(JSON.stringify(fc)), fileName: `${layer.name}.geojson`, contentType: 'application/geo+json', report: [] };
    } else if (req.format === 'shapefile') {
      // Our lon/lat are CGCS2000 read as WGS84 (they differ by centimetres): the .prj says CGCS2000.
      const out = writeShapefileZip(features, { name: layer.name, epsg: projected ? epsg : 4490, encoding: req.encoding });
      file = { bytes: out.bytes, fileName: out.fileName, contentType: 'application/zip', report: out.report };
    } else {
      const out = writeCoordinateFile(features, { zone, prefixed: true, encoding: req.encoding });
      file = { bytes: out.bytes, fileName: `${layer.name}_${zone}带.txt`, contentType: `text/plain; charset=${req.encoding === 'gbk' ? 'gbk' : 'utf-8'}`, report: out.report };
    }
    await recordAudit(this.db, { actorId: actor.id, actorUsername: actor.username, action: 'layer.export', entityKind: 'layer', entityId: key, detail: { format: req.format, features: features.length, epsg }, ip });
    return file;
  }
}
