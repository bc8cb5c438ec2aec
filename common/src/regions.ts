export type RegionLevel = 'city' | 'county' | 'zone';

export interface RegionProperties {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  labelPoint: [number, number] | null;
  isDemo: boolean;
}

/** Basemaps offered to the client; 天地图 comes as a base layer plus its annotation layer (labelTiles). */
export interface MapConfig {
  basemaps: { id: string; name: string; kind: 'offline' | 'xyz' | 'tianditu-vec' | 'tianditu-img'; tiles?: string[]; labelTiles?: string[]; attribution?: string }[];
  center: [number, number];
  zoom: number;
}

export interface Health {
  engine: 'pglite' | 'postgres';
  postgis: string;
  schemaVersion: string;
  demo: boolean;
  mvt: boolean;
}
