/**
 * Distances and areas on the CGCS2000 ellipsoid (GRS80), for live figures in the browser.
 * Official areas are computed by PostGIS in the GK plane; these are the ellipsoidal companions
 * (a sphere, as turf uses, is ~0.2 % off at Liaocheng's latitude: 300 亩 → 0.6 亩).
 */
export const GRS80 = { a: 6378137, f: 1 / 298.257222101 } as const;

const RAD = Math.PI / 180;
const { a, f } = GRS80;
const b = a * (1 - f);
const e2 = f * (2 - f);
const e = Math.sqrt(e2);

// Authalic latitude: the ellipsoid maps to a sphere of radius AUTHALIC_RADIUS with areas preserved.
const q = (sinPhi: number) =>
  (1 - e2) * (sinPhi / (1 - e2 * sinPhi * sinPhi) - (1 / (2 * e)) * Math.log((1 - e * sinPhi) / (1 + e * sinPhi)));
const Q_POLE = q(1);
export const AUTHALIC_RADIUS = a * Math.sqrt(Q_POLE / 2);
const sinAuthalic = (latDeg: number) => q(Math.sin(latDeg * RAD)) / Q_POLE;

/** Area (m²) enclosed by one ring of [lon, lat], without sign. */
export function ringArea(ring: number[][]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const prev = ring[(i + n - 1) % n]!;
    const next = ring[(i + 1) % n]!;
    total += ((next[0] ?? 0) - (prev[0] ?? 0)) * RAD * sinAuthalic(ring[i]![1] ?? 0);
  }
  return Math.abs((total * AUTHALIC_RADIUS * AUTHALIC_RADIUS) / 2);
}

/** Ellipsoidal area (m²) of a polygon given as rings (outer first, then holes). */
export function polygonArea(rings: number[][][]): number {
  // A closed ring repeats its first point; the formula treats both forms alike.
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}

/** Geodesic distance (m) between two [lon, lat] points, Vincenty's inverse formula on GRS80. */
export function geodesicDistance(from: number[], to: number[]): number {
  const [lon1 = 0, lat1 = 0] = from;
  const [lon2 = 0, lat2 = 0] = to;
  if (lon1 === lon2 && lat1 === lat2) return 0;
  const L = (lon2 - lon1) * RAD;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * RAD));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * RAD));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  for (let iteration = 0; iteration < 200; iteration++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-12) {
      const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const deltaSigma =
        B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return b * A * (sigma - deltaSigma);
    }
  }
  // Nearly antipodal points do not converge; nothing in a city is antipodal, a sphere will do.
  return AUTHALIC_RADIUS * Math.acos(Math.min(1, Math.max(-1, Math.sin(U1) * Math.sin(U2) + Math.cos(U1) * Math.cos(U2) * Math.cos(L))));
}

/** Length (m) of a polyline of [lon, lat]. */
export function lineLength(coordinates: number[][]): number {
  let total = 0;
  for (let i = 1; i < coordinates.length; i++) total += geodesicDistance(coordinates[i - 1]!, coordinates[i]!);
  return total;
}
