// Shapes of the server API as the client consumes them. The contract lives in common/ (shared with
// the server); this file re-exports it under the names the client uses, plus client-side helpers.
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { AuthUser, LoginRequest, ScopeLevel } from '../../../common/src/auth.ts';
import type { ApiErrorBody } from '../../../common/src/api-error.ts';
import type { LabelledAttribute, LayerAttribute, LayerGroup, LayerInfo, LayerKind, LayerStyle } from '../../../common/src/layers.ts';
import type { Health, MapConfig, RegionLevel, RegionProperties } from '../../../common/src/regions.ts';

export type { ApiErrorBody, Health, LoginRequest, MapConfig, RegionLevel, RegionProperties, ScopeLevel };
export type { LabelledAttribute, LayerAttribute, LayerGroup, LayerInfo, LayerKind, LayerStyle };

export type User = AuthUser;
export type UserScope = AuthUser['scope'];
export type Role = AuthUser['roles'][number];

export type Basemap = MapConfig['basemaps'][number];
export type BasemapKind = Basemap['kind'];

export type RegionFeature = Feature<MultiPolygon, RegionProperties>;
export type RegionCollection = FeatureCollection<MultiPolygon, RegionProperties>;

/** One hit of the identify query (`GET /api/layers/features-at`). */
export interface IdentifiedFeature {
  id: number;
  layer: string;
  layerName: string;
  kind: LayerKind;
  properties: Record<string, unknown>;
  /** Chinese labels, in display order. */
  attributes: LabelledAttribute[];
  geometry: Geometry;
}
