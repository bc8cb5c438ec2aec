import type { LayerInfo } from '../../api/api.types';

/** The layer's symbol drawn from its style, as the map draws it (dashes in line widths, like MapLibre). */
export function LayerSwatch({ layer }: { layer: Pick<LayerInfo, 'geometryType' | 'style'> }) {
  const { style } = layer;
  const stroke = style.line ?? style.fill ?? '#3366cc';
  const width = Math.min(Math.max(style.lineWidth ?? 1, 0.8), 3);
  const dash = style.lineDash?.length ? style.lineDash.map((d) => d * width).join(' ') : undefined;
  return (
    <svg className="layer-swatch" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" data-testid="layer-swatch">
      {layer.geometryType === 'line' && <line x1="1" y1="7" x2="21" y2="7" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />}
      {layer.geometryType === 'point' && <circle cx="11" cy="7" r="4.5" fill={style.fill ?? stroke} stroke={stroke} strokeWidth={1} />}
      {layer.geometryType === 'polygon' && (
        <rect
          x="1.5"
          y="1.5"
          width="19"
          height="11"
          rx="1.5"
          fill={style.fill ?? 'none'}
          // A faint fill still needs to read as a fill on the small swatch.
          fillOpacity={style.fill ? Math.max(style.fillOpacity ?? 0.3, 0.25) : 0}
          stroke={stroke}
          strokeWidth={width}
          strokeDasharray={dash}
        />
      )}
    </svg>
  );
}
