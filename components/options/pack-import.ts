import { diffPacks } from '../../core/pack/diff';
import { MAX_PACK_BYTES, packTooLarge, type PackRefusal } from '../../core/pack/parse';
import { PERSONAL_PACK_ID } from '../../core/store/packs';
import type { HostAccess } from './host-access';
import { ACCESS_MESSAGES } from './host-access';
import { errorText } from './lifetime';
import { nameOf, type OptionsState } from './options-state';
import { FETCH_MESSAGES, type FetchPackBytes } from './pack-fetch';
import { readPack } from './pack-guard';
import { PackFetchError, type OptionsTransport, type PackSource } from './transport';

/**
 * Importing a pack from a file or an https URL: checked before anything is written, an installed id waits for
 * "replace?", and a refused file whose JSON parsed can be opened in the editor to fix (`openToFix`).
 */
export function packImport(
  s: OptionsState,
  transport: OptionsTransport,
  access: HostAccess,
  fetchPackBytes: FetchPackBytes,
  openToFix: (draft: NonNullable<PackRefusal['draft']>, source: PackSource) => void,
) {
  /** A pack file refused: its problems in the UI language; one that is not JSON says where it breaks. */
  const refuse = (r: PackRefusal, source: PackSource) => {
    const draft = r.draft;
    const notJson = r.issues.some((i) => i.params?.issue === 'json' || i.params?.issue === 'json-engine');
    s.notice.value = {
      tone: 'error',
      key: notJson ? 'options.import.notJson' : draft ? 'options.import.fixable' : 'options.import.invalid',
      issues: r.issues,
      action: draft ? { key: 'options.import.openToFix', testId: 'notice-fix', run: () => openToFix(draft, source) } : undefined,
    };
  };

  /** Validates and installs a pack file's bytes; an installed id waits for "replace?". Nothing is written on error. */
  async function installBytes(bytes: Uint8Array, source: PackSource) {
    const base = s.builtin.value;
    if (!base) return;
    s.busy.value = { key: 'options.busy.installing' };
    const r = readPack(bytes, base.id);
    if (!r.ok) return refuse(r, source);
    const pack = r.pack;
    const src: PackSource = pack.id === PERSONAL_PACK_ID ? { kind: 'personal' } : source;
    const outcome = await transport.install(pack, src);
    if (outcome.status === 'exists') {
      s.replaceOffer.value = { pack, source: src, existing: outcome.existing, changes: diffPacks(outcome.existing.pack, pack) };
      return s.say('info', 'options.import.confirmReplace', { name: nameOf(pack), from: outcome.existing.pack.version, to: pack.version });
    }
    if (src.kind === 'url') await transport.offerUpdate(pack.id, pack).catch(() => {});
    s.say('ok', 'options.import.installed', { name: nameOf(pack), version: pack.version });
  }

  async function guarded(work: () => Promise<void>) {
    try {
      await work();
    } catch (e) {
      if (e instanceof PackFetchError) s.say('error', FETCH_MESSAGES[e.reason], { detail: e.detail }, e.detail || undefined);
      else s.say('error', 'options.import.failed', {}, errorText(e));
    } finally {
      s.busy.value = null;
    }
  }

  return {
    importFile(file: File): Promise<void> {
      if (s.busy.value) return Promise.resolve();
      s.replaceOffer.value = null;
      s.notice.value = null;
      return guarded(async () => {
        s.busy.value = { key: 'options.busy.reading', vars: { name: file.name } };
        // Checked before the file is read: a huge file is never loaded.
        if (file.size > MAX_PACK_BYTES) return void (s.notice.value = { tone: 'error', key: 'options.import.invalid', issues: [packTooLarge(file.size)] });
        await installBytes(new Uint8Array(await file.arrayBuffer()), { kind: 'file', name: file.name });
      });
    },

    /** Imports a pack from an https URL. Call synchronously from the click handler (see `HostAccess.ensure`). */
    importUrl(raw: string): Promise<void> {
      if (s.busy.value) return Promise.resolve();
      s.replaceOffer.value = null;
      s.notice.value = null;
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        s.say('error', 'options.url.invalid');
        return Promise.resolve();
      }
      if (url.protocol !== 'https:') {
        s.say('error', 'options.url.notHttps');
        return Promise.resolve();
      }
      const href = url.href;
      s.busy.value = { key: 'options.busy.fetching', vars: { url: href } };
      const granted = access.ensure(url.hostname);
      return guarded(async () => {
        const a = await granted;
        if (a !== 'granted') return s.say('error', ACCESS_MESSAGES[a], { host: url.hostname, seconds: Math.round(access.timeoutMs / 1000) });
        await installBytes(await fetchPackBytes(href, 'options.busy.fetching', { url: href }), { kind: 'url', url: href });
      });
    },

    async acceptReplace() {
      const offer = s.replaceOffer.value;
      if (!offer || s.busy.value) return;
      await guarded(async () => {
        s.busy.value = { key: 'options.busy.installing' };
        await transport.install(offer.pack, offer.source, { replace: true });
        if (offer.source.kind === 'url') await transport.offerUpdate(offer.pack.id, offer.pack).catch(() => {});
        s.replaceOffer.value = null;
        s.say('ok', 'options.import.replaced', { name: nameOf(offer.pack), from: offer.existing.pack.version, to: offer.pack.version });
      });
    },

    cancelReplace() {
      const offer = s.replaceOffer.value;
      s.replaceOffer.value = null;
      if (offer) s.say('info', 'options.import.kept', { name: nameOf(offer.existing.pack), version: offer.existing.pack.version });
    },
  };
}
