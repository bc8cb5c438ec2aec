import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config/config.ts';

describe('configuration', () => {
  it('defaults to the embedded engine on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoSeed).toBe(true);
    expect(c.dataDir.endsWith('.data')).toBe(true);
  });
  it('rejects a bad value with a readable Chinese line naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });
});
