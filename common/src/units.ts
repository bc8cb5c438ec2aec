/** 1 亩 = 10000/15 m²; 1 公顷 = 15 亩 = 10 000 m². */
export const M2_PER_MU = 10000 / 15;
export const M2_PER_HA = 10000;

export const m2ToMu = (m2: number) => m2 / M2_PER_MU;
export const m2ToHa = (m2: number) => m2 / M2_PER_HA;
export const muToM2 = (mu: number) => mu * M2_PER_MU;

/**
 * CGCS2000 3-degree Gauss-Krüger zone for a longitude: Liaocheng spans zone 38 (CM 114°E, west of
 * 115.5°E) and zone 39 (CM 117°E). Returns the zone number and the EPSG codes with and without the
 * zone prefix on the easting.
 */
export function gkZone(lon: number): { zone: number; centralMeridian: number; epsgPrefixed: number; epsg: number } {
  const zone = Math.floor((lon + 1.5) / 3);
  if (zone < 25 || zone > 45) throw new RangeError(`longitude ${lon} is outside China's 3-degree zones`);
  return { zone, centralMeridian: zone * 3, epsgPrefixed: 4513 + (zone - 25), epsg: 4534 + (zone - 25) };
}
