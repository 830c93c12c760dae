import { signal } from '@preact/signals';
import type { CustomHelpdesk } from '../../core/schema/custom-helpdesks';
import { checkHelpdeskOrigin, MAX_CUSTOM_HELPDESKS } from '../../core/sources/custom-helpdesks';
import type { SourceId } from '../../core/taxonomy';
import type { MessageKey } from '../i18n';
import { awaitAccess, type AccessOutcome } from './await-access';
import type { HelpdeskTransport } from './helpdesks-transport';

/** The section's last word: what was done, or what is wrong (`field`: with the typed address). */
export interface HelpdeskStatus {
  tone: 'ok' | 'error';
  key: MessageKey;
  vars?: Record<string, string | number>;
  field?: boolean;
  detail?: string;
}

const ACCESS: Record<Exclude<AccessOutcome, 'granted'>, MessageKey> = {
  denied: 'options.helpdesks.denied',
  timeout: 'options.helpdesks.timeout',
  cancelled: 'options.helpdesks.cancelled',
  error: 'options.helpdesks.accessError',
};

/** The "Helpdesk addresses" section as signals over a transport. `dispose()` stops the watch and any wait. */
export function createHelpdesksModel(transport: HelpdeskTransport, opts: { accessTimeoutMs?: number } = {}) {
  const timeoutMs = opts.accessTimeoutMs ?? 20_000;
  const list = signal<CustomHelpdesk[]>([]);
  const address = signal('');
  const kind = signal<SourceId>('zendesk');
  const status = signal<HelpdeskStatus | null>(null);
  /** Waiting for the browser's permission prompt, or for a removal: the host, and how to stop waiting. */
  const waiting = signal<{ what: 'access' | 'remove'; host: string; cancel?: () => void } | null>(null);
  const life = new AbortController();
  const stop = transport.watch((l) => (list.value = l));
  const say = (s: HelpdeskStatus) => void (status.value = s);

  /**
   * Adds the typed address. Call synchronously from the form's submit (a click or Enter): the browser shows
   * its permission prompt only during that user gesture. Nothing is saved unless access is granted.
   */
  function add(): Promise<void> {
    if (waiting.value) return Promise.resolve();
    const c = checkHelpdeskOrigin(address.value);
    if (!c.ok) return Promise.resolve(say({ tone: 'error', key: `options.helpdesks.problem.${c.problem}`, field: true }));
    if (list.value.some((h) => h.origin === c.origin))
      return Promise.resolve(say({ tone: 'error', key: 'options.helpdesks.duplicate', vars: { origin: c.origin }, field: true }));
    if (list.value.length >= MAX_CUSTOM_HELPDESKS)
      return Promise.resolve(say({ tone: 'error', key: 'options.helpdesks.full', vars: { max: MAX_CUSTOM_HELPDESKS } }));
    const helpdesk: CustomHelpdesk = { origin: c.origin, kind: kind.value };
    const ask = new AbortController();
    const onLifeEnd = () => ask.abort();
    life.signal.addEventListener('abort', onLifeEnd);
    status.value = null;
    waiting.value = { what: 'access', host: c.host, cancel: () => ask.abort() };
    const outcome = awaitAccess(() => transport.requestAccess(c.origin), timeoutMs, ask.signal);
    return outcome.then(async (a) => {
      try {
        if (a !== 'granted') return say({ tone: 'error', key: ACCESS[a], vars: { host: c.host, seconds: Math.round(timeoutMs / 1000) } });
        const answer = await transport.add(helpdesk);
        if (answer.ok) {
          list.value = answer.list;
          address.value = '';
          return say({ tone: 'ok', key: 'options.helpdesks.added', vars: { origin: c.origin } });
        }
        say(
          answer.reason === 'no-access'
            ? { tone: 'error', key: ACCESS.denied, vars: { host: c.host } }
            : { tone: 'error', key: 'options.helpdesks.failed', vars: { origin: c.origin }, detail: answer.message },
        );
      } catch (e) {
        say({ tone: 'error', key: 'options.helpdesks.failed', vars: { origin: c.origin }, detail: e instanceof Error ? e.message : String(e) });
      } finally {
        waiting.value = null;
        life.signal.removeEventListener('abort', onLifeEnd);
      }
    });
  }

  /** Stops reading an address, deletes it and gives its access back. */
  async function remove(origin: string): Promise<void> {
    if (waiting.value) return;
    waiting.value = { what: 'remove', host: new URL(origin).host };
    try {
      const answer = await transport.remove(origin);
      if (answer.ok) {
        list.value = answer.list;
        say({ tone: 'ok', key: 'options.helpdesks.removed', vars: { origin } });
      } else say({ tone: 'error', key: 'options.helpdesks.removeFailed', vars: { origin }, detail: answer.message });
    } catch (e) {
      say({ tone: 'error', key: 'options.helpdesks.removeFailed', vars: { origin }, detail: e instanceof Error ? e.message : String(e) });
    } finally {
      waiting.value = null;
    }
  }

  return {
    list,
    address,
    kind,
    status,
    waiting,
    add,
    remove,
    dispose() {
      stop();
      life.abort();
    },
  };
}

export type HelpdesksModel = ReturnType<typeof createHelpdesksModel>;
