import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { RegionCollection, RegionLevel, RegionProperties } from '../api/api.types';

// Soft, distinguishable fills for the county-level units, assigned in code order so a
// county keeps its colour from one load to the next.
export const COUNTY_PALETTE = ['#f3d9a4', '#c9e4c5', '#bcd7ee', '#f2c6c2', '#d9cdea', '#f6e3b4', '#c4e3df', '#e8d1bd'];

export interface RegionAreaProperties extends RegionProperties {
  fill: string;
}

export interface RegionLabelProperties {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RegionMapData {
  areas: FeatureCollection<MultiPolygon, RegionAreaProperties>;
  labels: FeatureCollection<Point, RegionLabelProperties>;
}

function labelPosition(feature: Feature<MultiPolygon, RegionProperties>): [number, number] {
  const given = feature.properties.labelPoint;
  if (Array.isArray(given) && given.length === 2 && given.every(Number.isFinite)) return given;
  const [lon = 0, lat = 0] = pointOnFeature(feature).geometry.coordinates;
  return [lon, lat];
}

/** Splits the regions answer into what the map draws: coloured areas and label points. */
export function toRegionMapData(regions: RegionCollection): RegionMapData {
  const countyCodes = regions.features
    .filter((f) => f.properties.level === 'county')
    .map((f) => f.properties.code)
    .sort();
  const fillOf = (code: string) => COUNTY_PALETTE[Math.max(0, countyCodes.indexOf(code)) % COUNTY_PALETTE.length] ?? '#dddddd';

  const areas = regions.features.map((f) => ({
    ...f,
    properties: { ...f.properties, fill: f.properties.level === 'county' ? fillOf(f.properties.code) : '#f5a25d' },
  }));
  const labels = regions.features
    .filter((f) => f.properties.level !== 'city')
    .map((f): Feature<Point, RegionLabelProperties> => ({
      type: 'Feature',
      properties: { code: f.properties.code, name: f.properties.name, level: f.properties.level },
      geometry: { type: 'Point', coordinates: labelPosition(f) },
    }));
  return {
    areas: { type: 'FeatureCollection', features: areas },
    labels: { type: 'FeatureCollection', features: labels },
  };
}
