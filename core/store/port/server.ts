import { briefIssues } from '../../schema/brief-issues';
import type { Unsubscribe } from '../dossier-view';
import { parseStoreRequest } from './protocol';
import { toWireError, type StoreReply, type StoreService, type WirePort } from './service';

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Serves one panel's connection: validated calls run against `store`, watches push every new value until
 * the panel unwatches or goes away. A closed port stops every watch and closes this panel's notes lock.
 */
export function serveStore(port: WirePort, store: StoreService): void {
  const watches = new Map<number, Unsubscribe>();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const stop of watches.values()) stop();
    watches.clear();
    void store.lockNotes().catch(() => undefined);
  };
  const post = (reply: StoreReply) => {
    if (!open) return;
    try {
      port.post(reply);
    } catch {
      // The panel is gone without a word (its port throws once closed): stop serving it.
      close();
    }
  };
  port.onMessage((message) => {
    const parsed = parseStoreRequest(message);
    if (!parsed.ok) {
      const error = { name: 'TypeError', message: `Tipazh refused a store request:\n${briefIssues(parsed.error)}` };
      console.warn('[Tipazh]', error.message);
      if (parsed.id !== undefined) post({ t: 'failed', id: parsed.id, error });
      return;
    }
    const r = parsed.request;
    if (r.t === 'ping') return;
    if (r.t === 'unwatch') {
      watches.get(r.id)?.();
      watches.delete(r.id);
      return;
    }
    const method = store[r.method].bind(store) as AnyMethod;
    if (!open) return;
    if (r.t === 'watch') {
      watches.get(r.id)?.();
      watches.set(r.id, method(...r.args, (value: unknown) => post({ t: 'value', id: r.id, value })) as Unsubscribe);
      return;
    }
    Promise.resolve()
      .then(() => method(...r.args))
      .then(
        (value) => post({ t: 'done', id: r.id, value }),
        (e: unknown) => post({ t: 'failed', id: r.id, error: toWireError(e) }),
      );
  });
  port.onDisconnect(close);
}
