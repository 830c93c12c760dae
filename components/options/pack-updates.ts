import type { InstalledPack } from '../../core/store/db';
import { ACCESS_MESSAGES, type HostAccess } from './host-access';
import { errorText, type Lifetime } from './lifetime';
import { nameOf, type OptionsState, type UpdateStatus } from './options-state';
import { FETCH_MESSAGES, type FetchPackBytes } from './pack-fetch';
import { readPack } from './pack-guard';
import { PackFetchError, type OptionsTransport } from './transport';

export const DAY_MS = 24 * 60 * 60 * 1000;
const hostOf = (url: string) => new URL(url).hostname;

/**
 * Updates of packs installed from a URL: "Check for update" on a click, a quiet check once a day where access
 * was granted, and a newer version offered until the lead accepts or dismisses it.
 */
export function packUpdates(s: OptionsState, transport: OptionsTransport, access: HostAccess, fetchPackBytes: FetchPackBytes, life: Lifetime) {
  const setUpdate = (id: string, status: UpdateStatus | undefined) => {
    const next = { ...s.updates.value };
    if (status) next[id] = status;
    else delete next[id];
    s.updates.value = next;
  };

  async function fetchUpdate(rec: InstalledPack, quiet: boolean, dismissed: Record<string, string> = {}) {
    if (rec.source.kind !== 'url') return;
    const base = s.builtin.value!;
    setUpdate(rec.id, { kind: 'checking' });
    try {
      const r = readPack(await fetchPackBytes(rec.source.url, 'options.busy.checking', { name: nameOf(rec.pack) }, quiet), base.id);
      if (!r.ok) return setUpdate(rec.id, { kind: 'error', key: 'options.update.invalid', issues: r.issues });
      if (r.pack.id !== rec.id) return setUpdate(rec.id, { kind: 'error', key: 'options.update.otherPack', vars: { id: r.pack.id } });
      const result = await transport.offerUpdate(rec.id, r.pack);
      // The daily check does not bring back a version the user dismissed; "Check for update" does.
      if (result === 'newer' && dismissed[rec.id] === r.pack.version) await transport.dismissUpdate(rec.id, r.pack.version);
      setUpdate(rec.id, result === 'newer' ? undefined : { kind: result });
    } catch (e) {
      if (e instanceof PackFetchError)
        setUpdate(rec.id, { kind: 'error', key: FETCH_MESSAGES[e.reason], vars: { detail: e.detail }, detail: e.detail || undefined });
      else setUpdate(rec.id, { kind: 'error', key: 'options.update.failed', detail: errorText(e) });
    }
  }

  return {
    /** "Check for update" on a URL pack. Call synchronously from the click handler. */
    checkUpdate(id: string): Promise<void> {
      const rec = s.packs.value.find((p) => p.id === id);
      if (!rec || rec.source.kind !== 'url' || s.busy.value) return Promise.resolve();
      const host = hostOf(rec.source.url);
      const granted = access.ensure(host);
      return (async () => {
        try {
          const a = await granted;
          if (a !== 'granted') return setUpdate(id, { kind: 'error', key: ACCESS_MESSAGES[a], vars: { host, seconds: Math.round(access.timeoutMs / 1000) } });
          await fetchUpdate(rec, false);
        } finally {
          s.busy.value = null;
        }
      })();
    },

    /** When the page opens: URL packs not checked for a day are checked, quietly, where access was granted. */
    async autoCheck() {
      const now = transport.now();
      const due = s.packs.value.filter((p) => p.source.kind === 'url' && !p.pending && (p.lastCheckedAt === undefined || now - p.lastCheckedAt >= DAY_MS));
      if (!due.length) return;
      const dismissed = await transport.dismissedUpdates().catch(() => ({}));
      for (const rec of due) {
        if (life.signal.aborted || rec.source.kind !== 'url') return;
        const host = hostOf(rec.source.url);
        if (!(await transport.hasHostAccess(host).catch(() => false))) continue;
        access.granted(host);
        await fetchUpdate(rec, true, dismissed);
      }
    },

    async acceptUpdate(id: string) {
      const rec = s.packs.value.find((p) => p.id === id);
      if (!rec?.pending) return;
      await transport.acceptUpdate(id);
      setUpdate(id, undefined);
      s.say('ok', 'options.update.applied', { name: nameOf(rec.pending), version: rec.pending.version });
    },

    async dismissUpdate(id: string) {
      const rec = s.packs.value.find((p) => p.id === id);
      if (!rec?.pending) return;
      await transport.dismissUpdate(id, rec.pending.version);
      setUpdate(id, undefined);
      s.say('info', 'options.update.dismissed', { name: nameOf(rec.pack), version: rec.pending.version });
    },
  };
}
