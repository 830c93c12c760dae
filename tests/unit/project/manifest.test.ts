import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import { SITES } from '../../../core/sources/sites';
import config from '../../../wxt.config';

const manifest = async (browser: 'chrome' | 'firefox'): Promise<UserManifest> =>
  (config.manifest as (env: ConfigEnv) => UserManifest | Promise<UserManifest>)({
    browser,
    manifestVersion: browser === 'chrome' ? 3 : 2,
    mode: 'production',
    command: 'build',
  });

describe('what the extension exposes to web pages', () => {
  it('Chrome: the page bridge, to Zendesk pages only', async () => {
    expect((await manifest('chrome')).web_accessible_resources).toEqual([{ resources: ['zendesk-bridge.js'], matches: [...SITES.zendesk.hostPatterns] }]);
  });
  it('Firefox: nothing (MV2 cannot limit the list to some pages; the bridge goes in as text)', async () => {
    const m = await manifest('firefox');
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
  });
});
