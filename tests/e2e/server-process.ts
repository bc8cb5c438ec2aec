import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, E2E_TIANDITU_KEY, RESULTS_DIR, ROOT, SERVER_START_TIMEOUT_MS } from './e2e-config.ts';
import { poll } from './wait.ts';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
  /** The last lines the server printed, for failure reports. */
  tail(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, tail: () => string): Promise<void> {
  const healthy = async () => {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}\n${tail()}`);
    return fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false, // not listening yet
    );
  };
  await poll(healthy, (ok) => ok, { what: `/api/health (${SERVER_START_TIMEOUT_MS / 1000} s)`, timeout: SERVER_START_TIMEOUT_MS, interval: 1000 }).catch((error: Error) => {
    throw error.message.startsWith('server exited') ? error : new Error(`server did not answer /api/health within ${SERVER_START_TIMEOUT_MS / 1000} s\n${tail()}`);
  });
}

/** Starts server/src/main.ts on a free port with a fresh embedded database (or DATABASE_URL if set). */
export async function startServer(log: (line: string) => void): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'oneblueprint-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD };
  // A key that cannot work: the switcher gets its 天地图 entries, and since every request off the
  // local server is aborted, the tests can see what a switch would fetch without any network.
  env.TIANDITU_KEY = E2E_TIANDITU_KEY;
  delete env.BASEMAP_XYZ_URL;
  log(`starting server on port ${port} (${env.DATABASE_URL ? 'DATABASE_URL' : `PGlite in ${dataDir}`})…`);

  const lines: string[] = [];
  const logFile = createWriteStream(join(RESULTS_DIR, 'e2e-server.log'));
  // detached: the server gets its own process group, so npx, tsx and node all stop together.
  const child = spawn('npx', ['tsx', 'server/src/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => {
    logFile.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const tail = () => lines.slice(-40).join('\n');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const signal = (sig: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, sig);
        } catch {
          // already gone
        }
      };
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    logFile.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const started = Date.now();
    await waitForHealth(baseUrl, child, tail);
    log(`server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, tail };
}
