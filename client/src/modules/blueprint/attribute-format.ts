// Attribute values arrive as JSON: strings, numbers, booleans, arrays (主导产业) and objects (剩余排放容量).

/** Readable names of keys that appear inside object-valued attributes. */
const KNOWN_KEYS: Record<string, string> = {
  codT: '化学需氧量',
  nh3nT: '氨氮',
  so2T: '二氧化硫',
  noxT: '氮氧化物',
  vocsT: '挥发性有机物',
};

const EMPTY = '—';

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return EMPTY;
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(4)));
}

export function formatAttributeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.map(formatAttributeValue).filter((s) => s !== EMPTY);
    return items.length ? items.join('、') : EMPTY;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) return EMPTY;
    return entries.map(([k, v]) => `${KNOWN_KEYS[k] ?? k} ${formatAttributeValue(v)}`).join('；');
  }
  return String(value);
}
