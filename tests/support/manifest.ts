import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../wxt.config';

/** The manifest wxt.config.ts gives a production build for `browser` (Chrome MV3, Firefox MV2). */
export const builtManifest = async (browser: 'chrome' | 'firefox'): Promise<UserManifest> =>
  (config.manifest as (env: ConfigEnv) => UserManifest | Promise<UserManifest>)({
    browser,
    manifestVersion: browser === 'chrome' ? 3 : 2,
    mode: 'production',
    command: 'build',
  });
