import { Segmented } from 'antd';
import type { Basemap } from '../api/api.types';

export interface BasemapSwitcherProps {
  basemaps: Basemap[];
  value: string;
  onChange: (id: string) => void;
}

export function BasemapSwitcher({ basemaps, value, onChange }: BasemapSwitcherProps) {
  return (
    <div className="map-panel basemap-switcher" data-testid="basemap-switcher">
      <span className="map-panel-title">底图</span>
      <Segmented
        size="small"
        value={value}
        onChange={(id) => onChange(String(id))}
        options={basemaps.map((b) => ({ value: b.id, label: <span data-testid={`basemap-${b.id}`}>{b.name}</span> }))}
      />
    </div>
  );
}
