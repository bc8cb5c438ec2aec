import type { MapDrawing, MapPath } from './report-map.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function pathElement(p: MapPath): string {
  const a = [`d="${p.d}"`, `fill="${p.fill ?? 'none'}"`, 'fill-rule="evenodd"'];
  if (p.fill && p.fillOpacity !== undefined) a.push(`fill-opacity="${p.fillOpacity}"`);
  if (p.stroke) a.push(`stroke="${p.stroke}"`, `stroke-width="${p.strokeWidth ?? 1}"`, 'stroke-linejoin="round"');
  if (p.stroke && p.strokeOpacity !== undefined) a.push(`stroke-opacity="${p.strokeOpacity}"`);
  if (p.stroke && p.dash) a.push(`stroke-dasharray="${p.dash.join(' ')}"`);
  return `<path ${a.join(' ')}/>`;
}

/** The report map as a standalone SVG (units: points), for the printable report page. */
export function mapSvg(m: MapDrawing, title: string): string {
  const texts = m.texts.map(
    (t) =>
      `<text x="${t.x}" y="${t.y}" font-size="${t.size}" text-anchor="${t.anchor === 'start' ? 'start' : t.anchor}"${t.bold ? ' font-weight="700"' : ''} fill="${t.color ?? '#141414'}">${esc(t.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}pt" height="${m.height}pt" viewBox="0 0 ${m.width} ${m.height}" font-family="'Noto Sans SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<rect x="0" y="0" width="${m.box.width}" height="${m.box.height}" fill="#fbfbf8"/>`,
    ...m.paths.map(pathElement),
    ...texts,
    '</svg>',
  ].join('\n');
}
