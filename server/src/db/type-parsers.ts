/**
 * The same value types on both engines: int8 and numeric as JS numbers (ids, areas and quotas stay far
 * below 2^53), dates as 'YYYY-MM-DD' strings (a JS Date would shift them by the server's time zone).
 */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number(v),
  [OID.date]: (v) => v,
};
