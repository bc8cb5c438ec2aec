import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Headless Chromium with software WebGL; no background traffic so the network log shows only the app.
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DEMO_PASSWORD = 'Demo#2026';
export const E2E_TIANDITU_KEY = 'e2e-offline-key';
export const SERVER_START_TIMEOUT_MS = 180_000;
export const VIEWPORT = { width: 1440, height: 900 };

export const LIAOCHENG_COUNTIES = ['东昌府区', '茌平区', '临清市', '阳谷县', '莘县', '东阿县', '冠县', '高唐县'];
export const LIAOCHENG_ZONES = ['聊城经济技术开发区', '聊城高新技术产业开发区', '江北水城旅游度假区'];
