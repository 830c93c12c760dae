import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser } from './browser';
import { EXTENSION_DIR } from './launch';

/** Before any e2e test: a browser is there (installed from Debian if need be) and the extension is built. */
export default function globalSetup() {
  process.env.CHROMIUM_PATH = ensureBrowser();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}. Run: npm run build`);
  }
}
