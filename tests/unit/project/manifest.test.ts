import { describe, expect, it } from 'vitest';
import { SITES } from '../../../core/sources/sites';
import { builtManifest as manifest } from '../../support/manifest';

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
