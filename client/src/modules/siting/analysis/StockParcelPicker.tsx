import type { Polygon } from 'geojson';
import { fetchFeaturesAt } from '../../../api/layers.api';
import { MapClickListener, type MapClick } from '../../../map';

export const STOCK_LAND = 'stock-land';
/** Click tolerance in screen pixels: a parcel edge just missed still counts. */
const TOLERANCE_PX = 4;

export interface PickedParcel {
  id: number;
  name: string;
  geometry: Polygon;
}

/** The part of a (multi)polygon to use as the site: the one the click fell in, else the first. */
function polygonOf(geometry: GeoJSON.Geometry): Polygon | null {
  if (geometry.type === 'Polygon') return geometry;
  if (geometry.type === 'MultiPolygon' && geometry.coordinates[0]) return { type: 'Polygon', coordinates: geometry.coordinates[0] };
  return null;
}

/** While enabled, a click on the map picks the stock-land parcel under it. */
export function StockParcelPicker({ enabled, onPicked, onMissed }: { enabled: boolean; onPicked(parcel: PickedParcel): void; onMissed(message: string): void }) {
  const pick = async ({ lon, lat, metresPerPixel }: MapClick) => {
    try {
      const [feature] = await fetchFeaturesAt({ lon, lat, radius: metresPerPixel * TOLERANCE_PX, layers: [STOCK_LAND] });
      const geometry = feature && polygonOf(feature.geometry);
      if (!feature || !geometry) return onMissed('此处没有存量地块，请单击图上的存量土地地块');
      const name = String(feature.properties.code ?? feature.properties.name ?? `地块 ${feature.id}`);
      onPicked({ id: feature.id, name, geometry });
    } catch (error) {
      onMissed(error instanceof Error ? error.message : '读取存量地块失败');
    }
  };
  return <MapClickListener enabled={enabled} onClick={(click) => void pick(click)} />;
}
