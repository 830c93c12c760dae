import { describe, expect, it } from 'vitest';
import type { CustomHelpdesk } from '../../../core/schema/custom-helpdesks';
import { createHelpdeskService, scriptsFor, type HelpdeskBrowser, type HelpdeskScript } from '../../../entrypoints/background/helpdesk-scripts';

const ZD: CustomHelpdesk = { origin: 'https://support.acme.com', kind: 'zendesk' };
const AMO: CustomHelpdesk = { origin: 'https://acme.amocrm.com.ua', kind: 'amocrm' };

/** The browser as the service sees it: storage, granted origins and registered scripts, all in memory. */
function fakeBrowser(opts: { saved?: unknown; granted?: string[]; registered?: HelpdeskScript[]; mainWorldBridge?: boolean } = {}) {
  const state = {
    saved: opts.saved,
    granted: new Set(opts.granted ?? []),
    scripts: [...(opts.registered ?? [])],
    calls: [] as string[],
    failRegister: false,
  };
  const api: HelpdeskBrowser = {
    load: async () => structuredClone(state.saved),
    save: async (list) => void (state.saved = structuredClone(list)),
    hasAccess: async (origin) => state.granted.has(origin),
    dropAccess: async (origin) => void (state.calls.push(`drop ${origin}`), state.granted.delete(origin)),
    registered: async () => structuredClone(state.scripts),
    async register(scripts) {
      if (state.failRegister) throw new Error('Could not load file');
      for (const s of scripts) if (state.scripts.some((o) => o.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      state.calls.push(...scripts.map((s) => `register ${s.id}`));
      state.scripts.push(...structuredClone(scripts));
    },
    async unregister(ids) {
      state.calls.push(...ids.map((id) => `unregister ${id}`));
      state.scripts = state.scripts.filter((s) => !ids.includes(s.id));
    },
    mainWorldBridge: opts.mainWorldBridge ?? true,
  };
  return { api, state };
}
const ids = (scripts: HelpdeskScript[]) => scripts.map((s) => s.id).sort();

describe('scriptsFor', () => {
  it('gives each address the content script, and Zendesk addresses the page-world bridge where the page cannot load it', () => {
    expect(scriptsFor([ZD, AMO], true)).toEqual([
      { id: 'tipazh:content:https://support.acme.com', matches: ['https://support.acme.com/*'], js: ['content-scripts/helpdesk.js'], world: 'ISOLATED' },
      { id: 'tipazh:bridge:https://support.acme.com', matches: ['https://support.acme.com/*'], js: ['zendesk-bridge.js'], world: 'MAIN' },
      { id: 'tipazh:content:https://acme.amocrm.com.ua', matches: ['https://acme.amocrm.com.ua/*'], js: ['content-scripts/helpdesk.js'], world: 'ISOLATED' },
    ]);
    expect(ids(scriptsFor([ZD, AMO], false))).toEqual(['tipazh:content:https://acme.amocrm.com.ua', 'tipazh:content:https://support.acme.com']);
  });
});

describe('the helpdesk service', () => {
  it('adds an address the browser granted: saves it and registers its scripts', async () => {
    const { api, state } = fakeBrowser({ granted: [ZD.origin] });
    const service = createHelpdeskService(api);
    expect(await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: ZD })).toEqual({ ok: true, list: [ZD] });
    expect(state.saved).toEqual([ZD]);
    expect(ids(state.scripts)).toEqual(['tipazh:bridge:https://support.acme.com', 'tipazh:content:https://support.acme.com']);
  });

  it('refuses an address the browser did not grant, and changes nothing', async () => {
    const { api, state } = fakeBrowser();
    const service = createHelpdeskService(api);
    expect(await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: ZD })).toEqual({ ok: false, reason: 'no-access' });
    expect(state.saved).toBeUndefined();
    expect(state.scripts).toEqual([]);
  });

  it('refuses malformed requests with the path of the problem', async () => {
    const { api } = fakeBrowser({ granted: ['https://x.com/path'] });
    const service = createHelpdeskService(api);
    const bad = await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: { origin: 'https://x.com/path', kind: 'zendesk' } });
    expect(bad).toMatchObject({ ok: false, reason: 'error', message: expect.stringMatching(/^helpdesk\.origin: /) });
    expect(await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: { origin: 'https://x.com', kind: 'bitrix' } })).toMatchObject({ ok: false });
  });

  it('removes an address: unregisters its scripts, deletes it, and gives the access back', async () => {
    const { api, state } = fakeBrowser({ granted: [ZD.origin, AMO.origin] });
    const service = createHelpdeskService(api);
    await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: ZD });
    await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: AMO });
    state.calls.length = 0;
    expect(await service.handle({ kind: 'helpdesks', action: 'remove', origin: ZD.origin })).toEqual({ ok: true, list: [AMO] });
    expect(state.saved).toEqual([AMO]);
    expect(ids(state.scripts)).toEqual(['tipazh:content:https://acme.amocrm.com.ua']);
    expect(state.calls).toEqual([
      'unregister tipazh:content:https://support.acme.com',
      'unregister tipazh:bridge:https://support.acme.com',
      'drop https://support.acme.com',
    ]);
  });

  it('re-syncing drops addresses whose access was revoked, registers what is missing, and leaves other scripts alone', async () => {
    const foreign: HelpdeskScript = { id: 'someone-else', matches: ['https://x.com/*'], js: ['x.js'], world: 'ISOLATED' };
    const { api, state } = fakeBrowser({ saved: [ZD, AMO], granted: [AMO.origin], registered: [foreign, ...scriptsFor([ZD], true)] });
    expect(await createHelpdeskService(api).sync()).toEqual([AMO]);
    expect(state.saved).toEqual([AMO]);
    expect(ids(state.scripts)).toEqual(['someone-else', 'tipazh:content:https://acme.amocrm.com.ua']);
  });

  it('replaces a registration that points elsewhere (a changed file), and does nothing when all is in step', async () => {
    const old: HelpdeskScript = { ...scriptsFor([AMO], true)[0]!, js: ['content-scripts/old.js'] };
    const { api, state } = fakeBrowser({ saved: [AMO], granted: [AMO.origin], registered: [old] });
    const service = createHelpdeskService(api);
    await service.sync();
    expect(state.scripts).toEqual(scriptsFor([AMO], true));
    state.calls.length = 0;
    await service.sync();
    expect(state.calls).toEqual([]);
  });

  it('cleans a malformed saved list, keeping its good entries', async () => {
    const { api, state } = fakeBrowser({ saved: [ZD, { origin: 'http://bad', kind: 'zendesk' }, 'x'], granted: [ZD.origin] });
    expect(await createHelpdeskService(api).sync()).toEqual([ZD]);
    expect(state.saved).toEqual([ZD]);
  });

  it('is not half-added when the browser refuses to register: the list goes back', async () => {
    const { api, state } = fakeBrowser({ saved: [AMO], granted: [AMO.origin, ZD.origin], registered: scriptsFor([AMO], true) });
    state.failRegister = true;
    const service = createHelpdeskService(api);
    expect(await service.handle({ kind: 'helpdesks', action: 'add', helpdesk: ZD })).toEqual({ ok: false, reason: 'error', message: 'Could not load file' });
    expect(state.saved).toEqual([AMO]);
    expect(ids(state.scripts)).toEqual(['tipazh:content:https://acme.amocrm.com.ua']);
  });

  it('runs one change at a time: concurrent requests never register an id twice', async () => {
    const { api, state } = fakeBrowser({ granted: [ZD.origin, AMO.origin] });
    const service = createHelpdeskService(api);
    const answers = await Promise.all([
      service.handle({ kind: 'helpdesks', action: 'add', helpdesk: ZD }),
      service.sync(),
      service.handle({ kind: 'helpdesks', action: 'add', helpdesk: AMO }),
      service.sync(),
    ]);
    expect(answers[0]).toMatchObject({ ok: true });
    expect(answers[2]).toEqual({ ok: true, list: [ZD, AMO] });
    expect(ids(state.scripts)).toEqual(ids(scriptsFor([ZD, AMO], true)));
  });
});
