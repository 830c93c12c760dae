import { HelpdeskRequest, type HelpdeskAnswer } from '../../core/messages/added-helpdesks';
import { parseCustomHelpdesks, type CustomHelpdesk } from '../../core/schema/custom-helpdesks';
import { briefIssues } from '../../core/schema/brief-issues';
import { MAX_CUSTOM_HELPDESKS, originPattern } from '../../core/sources/custom-helpdesks';

/*
 * The addresses the agent added (core/sources/custom-helpdesks.ts) get the helpdesk content script through
 * scripting.registerContentScripts, one registration per origin. The background alone writes the list and the
 * registrations, one change at a time, and keeps them in step with the browser's permissions.
 */

/** The built content script: WXT writes entrypoints/helpdesk.content/ here (the e2e test loads it from there). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/helpdesk.js';
/** The Zendesk page-world bridge (entrypoints/zendesk-bridge.ts). */
export const BRIDGE_FILE = 'zendesk-bridge.js';
const ID_PREFIX = 'tipazh:';

/** A registered content script, as far as Tipazh cares. */
export interface HelpdeskScript {
  id: string;
  matches: string[];
  js: string[];
  world: 'ISOLATED' | 'MAIN';
}

/** What keeping the registrations needs from the browser: browser.* in the background, a fake in unit tests. */
export interface HelpdeskBrowser {
  /** The saved list as stored, unvalidated. */
  load(): Promise<unknown>;
  save(list: CustomHelpdesk[]): Promise<void>;
  hasAccess(origin: string): Promise<boolean>;
  dropAccess(origin: string): Promise<void>;
  /** Every registered content script (Tipazh's are those whose id starts with `tipazh:`). */
  registered(): Promise<HelpdeskScript[]>;
  register(scripts: HelpdeskScript[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /**
   * True where a page on an added address cannot load the Zendesk bridge itself (Chrome MV3: it is
   * web-accessible on zendesk.com only), so it is registered in the page's world next to the content script.
   */
  mainWorldBridge: boolean;
}

/** The content scripts the list needs, one id per origin and file. */
export function scriptsFor(list: readonly CustomHelpdesk[], mainWorldBridge: boolean): HelpdeskScript[] {
  return list.flatMap((h): HelpdeskScript[] => {
    const matches = [originPattern(h.origin)];
    const content: HelpdeskScript = { id: `${ID_PREFIX}content:${h.origin}`, matches, js: [CONTENT_SCRIPT_FILE], world: 'ISOLATED' };
    if (h.kind !== 'zendesk' || !mainWorldBridge) return [content];
    return [content, { id: `${ID_PREFIX}bridge:${h.origin}`, matches, js: [BRIDGE_FILE], world: 'MAIN' }];
  });
}

const sameScript = (a: HelpdeskScript, b: HelpdeskScript) =>
  a.id === b.id && a.world === b.world && a.matches.join(' ') === b.matches.join(' ') && a.js.join(' ') === b.js.join(' ');

/** Drops addresses whose access the browser no longer grants, then makes the registrations match the list. */
async function sync(api: HelpdeskBrowser): Promise<CustomHelpdesk[]> {
  const raw = await api.load();
  const saved = parseCustomHelpdesks(raw);
  const access = await Promise.all(saved.map((h) => api.hasAccess(h.origin)));
  const kept = saved.filter((_, i) => access[i]);
  if (JSON.stringify(kept) !== JSON.stringify(raw ?? [])) await api.save(kept);
  const want = scriptsFor(kept, api.mainWorldBridge);
  const have = (await api.registered()).filter((s) => s.id.startsWith(ID_PREFIX));
  const stale = have.filter((h) => !want.some((w) => sameScript(w, h)));
  if (stale.length) await api.unregister(stale.map((s) => s.id));
  const missing = want.filter((w) => !have.some((h) => sameScript(w, h)));
  if (missing.length) await api.register(missing);
  return kept;
}

async function add(api: HelpdeskBrowser, helpdesk: CustomHelpdesk): Promise<HelpdeskAnswer> {
  // The options page asked the browser first; a message alone never adds an address.
  if (!(await api.hasAccess(helpdesk.origin))) return { ok: false, reason: 'no-access' };
  const before = parseCustomHelpdesks(await api.load());
  const others = before.filter((h) => h.origin !== helpdesk.origin);
  if (others.length >= MAX_CUSTOM_HELPDESKS) return { ok: false, reason: 'error', message: `at most ${MAX_CUSTOM_HELPDESKS} addresses` };
  await api.save([...others, helpdesk]);
  try {
    return { ok: true, list: await sync(api) };
  } catch (e) {
    // Not half-added: the list goes back to what it was.
    await api.save(before);
    await sync(api).catch(() => {});
    throw e;
  }
}

async function remove(api: HelpdeskBrowser, origin: string): Promise<HelpdeskAnswer> {
  await api.save(parseCustomHelpdesks(await api.load()).filter((h) => h.origin !== origin));
  const list = await sync(api);
  await api.dropAccess(origin);
  return { ok: true, list };
}

/** True for a message meant for the helpdesk service (it still validates the rest). */
export const isHelpdeskMessage = (m: unknown) => typeof m === 'object' && m !== null && (m as { kind?: unknown }).kind === 'helpdesks';

/** The background's side of the added addresses: one change at a time, whoever asks. */
export function createHelpdeskService(api: HelpdeskBrowser) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    /** Re-reads the list and the permissions and fixes the registrations (at startup, install, a revoked permission). */
    sync: () => serial(() => sync(api)),
    /** Answers the options page's add and remove requests. */
    async handle(message: unknown): Promise<HelpdeskAnswer> {
      const req = HelpdeskRequest.safeParse(message);
      if (!req.success) return { ok: false, reason: 'error', message: briefIssues(req.error).slice(0, 2000) };
      const r = req.data;
      try {
        return await serial(() => (r.action === 'add' ? add(api, r.helpdesk) : remove(api, r.origin)));
      } catch (e) {
        return { ok: false, reason: 'error', message: (e instanceof Error ? e.message : String(e)).slice(0, 2000) };
      }
    },
  };
}
