import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CUSTOM_HELPDESKS_KEY } from '../../../core/sources/custom-helpdesks';
import { cachedCustomHosts } from '../../../entrypoints/background/custom-hosts';

describe('the added helpdesk addresses, kept for the API turns', () => {
  it('reads storage once, and again only after the list changes', async () => {
    await fakeBrowser.storage.local.set({ [CUSTOM_HELPDESKS_KEY]: [{ origin: 'https://support.acme.com', kind: 'zendesk' }] });
    const hosts = cachedCustomHosts();
    expect(await hosts()).toEqual({ zendesk: ['support.acme.com'], amocrm: [] });
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await hosts();
    await hosts();
    expect(reads).toHaveBeenCalledTimes(0);
    await fakeBrowser.storage.local.set({ [CUSTOM_HELPDESKS_KEY]: [{ origin: 'https://acme.amocrm.com.ua', kind: 'amocrm' }] });
    expect(await hosts()).toEqual({ zendesk: [], amocrm: ['acme.amocrm.com.ua'] });
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });
});
