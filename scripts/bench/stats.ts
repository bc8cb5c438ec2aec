/** Small statistics helpers for the benchmark scripts. */
export const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const median = (values: number[]) => percentile(values, 50);
export const ms = (n: number) => `${n.toFixed(2)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export const now = () => Number(process.hrtime.bigint()) / 1e6;
