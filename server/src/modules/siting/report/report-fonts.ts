import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (SIL OFL 1.1), regular and bold, from the npm package that ships the TTFs. PDFs embed a
 * subset of it, so a report reads the same on a machine without Chinese fonts. Read once, lazily.
 */
const packageDir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const FILES = {
  regular: join(packageDir, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: join(packageDir, '700Bold', 'NotoSansSC_700Bold.ttf'),
} as const;

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

export function reportFonts() {
  fonts ??= Promise.all([readFile(FILES.regular), readFile(FILES.bold)]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}
