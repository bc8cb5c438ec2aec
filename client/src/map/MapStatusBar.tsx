import { gkReadout } from './gk-display';
import type { PointerInfo } from './pointer-tracking';

export interface MapStatusBarProps {
  pointer: PointerInfo | null;
  zoom: number | null;
}

const degrees = (value: number) => `${value.toFixed(6)}°`;

export function MapStatusBar({ pointer, zoom }: MapStatusBarProps) {
  const place = [pointer?.county, pointer?.zone].filter(Boolean).join(' · ');
  const gk = pointer ? gkReadout(pointer.lon, pointer.lat) : null;
  return (
    <div className="map-status-bar" data-testid="map-status">
      {pointer ? (
        <span data-testid="pointer-coordinates">
          经度 {degrees(pointer.lon)}　纬度 {degrees(pointer.lat)}
        </span>
      ) : (
        <span className="map-status-hint">将鼠标移到地图上查看经纬度与高斯坐标</span>
      )}
      {gk && (
        <span data-testid="pointer-gk" title={`CGCS2000 3 度带高斯-克吕格投影，EPSG:${gk.epsg}（Y 含带号）`}>
          {gk.zone} 带　X {gk.x}　Y {gk.y}
        </span>
      )}
      {place && <span data-testid="pointer-region">{place}</span>}
      <span className="map-status-spacer" />
      {zoom !== null && <span>缩放级别 {zoom.toFixed(1)}</span>}
      <span>坐标系 CGCS2000（EPSG:4490）</span>
    </div>
  );
}
