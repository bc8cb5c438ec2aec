/** Deeper than any body the API takes (a GeoJSON MultiPolygon inside a FeatureCollection is about 8). */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = { kind: 'nul'; path: string } | { kind: 'depth'; path: string };

/**
 * Walks a parsed JSON value without recursion (a hostile depth cannot overflow the stack) and reports
 * the first NUL character (PostgreSQL text cannot hold one) or nesting beyond `maxDepth`.
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) return { kind: 'nul', path };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return { kind: 'depth', path };
    if (Array.isArray(v)) {
      // Coordinate arrays are most of a large body: numbers are skipped without building paths.
      for (let i = v.length - 1; i >= 0; i--) {
        const child: unknown = v[i];
        if (typeof child === 'object' ? child !== null : typeof child === 'string') stack.push({ value: child, path: path ? `${path}.${i}` : String(i), depth: depth + 1 });
      }
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\0')) return { kind: 'nul', path: childPath };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
