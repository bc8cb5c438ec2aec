// Shapes of the server API as the client consumes them. The contract lives in common/ (shared with
// the server); this file re-exports it under the names the client uses, plus client-side helpers.
import type { Feature, MultiPolygon } from 'geojson';
import type { AuthUser, LoginRequest, ScopeLevel, SessionUser } from '../../../common/src/contract/auth.contract.ts';
import type { IdentifiedFeature, LabelledAttribute, LayerAttribute, LayerGroup, LayerInfo, LayerKind, LayerStyle } from '../../../common/src/contract/blueprint.contract.ts';
import type { Health } from '../../../common/src/contract/health.contract.ts';
import type { MapConfig } from '../../../common/src/contract/map-config.contract.ts';
import type { RegionCollection, RegionLevel, RegionProperties } from '../../../common/src/contract/regions.contract.ts';
import type { ApiErrorBody } from '../../../common/src/api-error.ts';

export type { ApiErrorBody, Health, IdentifiedFeature, LoginRequest, MapConfig, RegionCollection, RegionLevel, RegionProperties, ScopeLevel, SessionUser };
export type { LabelledAttribute, LayerAttribute, LayerGroup, LayerInfo, LayerKind, LayerStyle };

export type User = AuthUser;
export type UserScope = AuthUser['scope'];
export type Role = AuthUser['roles'][number];

export type Basemap = MapConfig['basemaps'][number];
export type BasemapKind = Basemap['kind'];

export type RegionFeature = Feature<MultiPolygon, RegionProperties>;
