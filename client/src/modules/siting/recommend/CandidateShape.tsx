import type { MultiPolygon, Polygon } from 'geojson';
import { drawShape } from './candidate-shape';

/** A small static drawing of a candidate, north up, with a scale bar and a north arrow. */
export function CandidateShape({ geometry, size = 160, testId }: { geometry: Polygon | MultiPolygon; size?: number; testId?: string }) {
  const d = drawShape(geometry, size, 14);
  const barY = size - 8;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} className="candidate-shape" data-testid={testId} role="img" aria-label="候选地块形状">
      <rect x={0} y={0} width={size} height={size} fill="#f7f9fc" stroke="#d9d9d9" />
      {d.paths.map((p, i) => (
        <path key={i} d={p} fill="#722ed1" fillOpacity={0.25} stroke="#722ed1" strokeWidth={1.5} fillRule="evenodd" />
      ))}
      <g transform={`translate(${size - 14}, 8)`}>
        <path d="M0,0 L5,12 L0,9 L-5,12 Z" fill="#333" />
        <text x={0} y={22} fontSize={9} textAnchor="middle" fill="#333">
          北
        </text>
      </g>
      <line x1={8} y1={barY} x2={8 + d.scale.px} y2={barY} stroke="#333" strokeWidth={2} />
      <line x1={8} y1={barY - 3} x2={8} y2={barY} stroke="#333" />
      <line x1={8 + d.scale.px} y1={barY - 3} x2={8 + d.scale.px} y2={barY} stroke="#333" />
      <text x={10 + d.scale.px} y={barY} fontSize={10} fill="#333" data-testid={testId && `${testId}-scale`}>
        {d.scale.label}
      </text>
    </svg>
  );
}
