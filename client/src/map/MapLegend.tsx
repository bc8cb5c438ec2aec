export function MapLegend() {
  return (
    <div className="map-panel map-legend" data-testid="map-legend">
      <div className="map-legend-row">
        <span className="legend-swatch legend-city" />
        市界
      </div>
      <div className="map-legend-row">
        <span className="legend-swatch legend-county" />
        县（市、区）界
      </div>
      <div className="map-legend-row">
        <span className="legend-swatch legend-zone" />
        开发区、度假区
      </div>
    </div>
  );
}
