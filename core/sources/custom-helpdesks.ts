import { SOURCES, type SourceId } from '../source-ids';
import { isBuiltInHelpdesk } from './sites';

/*
 * Helpdesks on addresses the agent adds in the options page: a Zendesk account on its own domain, an amoCRM
 * mirror such as acme.amocrm.com.ua. Kept in `storage.local` under CUSTOM_HELPDESKS_KEY as a list of
 * { origin, kind }. Pure and free of schema libraries: the content script uses this file too.
 */

/** A helpdesk on an address the agent added (`https://support.acme.com`), and which helpdesk it is. */
export interface CustomHelpdesk {
  origin: string;
  kind: SourceId;
}

/** Where the list lives in `browser.storage.local`. */
export const CUSTOM_HELPDESKS_KEY = 'helpdesks.custom';
/** More addresses than this is a mistake, not a team. */
export const MAX_CUSTOM_HELPDESKS = 50;

/** Why an address cannot be added; the options page words each one. */
export type OriginProblem = 'empty' | 'not-url' | 'not-https' | 'wildcard' | 'credentials' | 'port' | 'path' | 'host' | 'builtin';
export type OriginCheck = { ok: true; origin: string; host: string } | { ok: false; problem: OriginProblem };

// Dot-separated labels of letters, digits and inner hyphens (international names arrive as xn--…). At most 200
// characters: the host becomes the dossier's account, which holds 200.
const HOST = /^(?=.{4,200}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/**
 * The https origin a typed address stands for (`Support.Acme.com/` → `https://support.acme.com`), or what is
 * wrong with it. A bare host gets `https://`. Refused: other schemes, wildcards, a user or password, a port,
 * any path, query or fragment, IP addresses and one-word hosts, and hosts Tipazh already reads.
 */
export function checkHelpdeskOrigin(input: string): OriginCheck {
  const fail = (problem: OriginProblem): OriginCheck => ({ ok: false, problem });
  const text = input.trim();
  if (!text) return fail('empty');
  if (text.includes('*')) return fail('wildcard');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return fail('not-url');
  }
  if (url.protocol !== 'https:') return fail('not-https');
  if (url.username || url.password) return fail('credentials');
  if (url.port) return fail('port');
  if (url.pathname !== '/' || url.search || url.hash) return fail('path');
  const host = url.hostname;
  if (!HOST.test(host) || /\.\d+$/.test(host)) return fail('host');
  if (isBuiltInHelpdesk(url)) return fail('builtin');
  return { ok: true, origin: `https://${host}`, host };
}

/** True for an origin exactly as checkHelpdeskOrigin writes it. */
export function isHelpdeskOrigin(origin: string): boolean {
  const c = checkHelpdeskOrigin(origin);
  return c.ok && c.origin === origin;
}

/** The match pattern of an origin: what is asked of the browser and what its content script is registered for. */
export const originPattern = (origin: string) => `${origin}/*`;

/** The hosts the agent added for one helpdesk, as the URL detectors (core/sources/urls.ts) take them. */
export const customHostsOf = (list: readonly CustomHelpdesk[], kind: SourceId): string[] =>
  list.filter((h) => h.kind === kind).map((h) => h.origin.slice('https://'.length));

/**
 * The saved list, read entry by entry: `entry` checks one (and returns it, or undefined); a malformed entry and
 * a later duplicate of an origin are skipped, so one bad entry never costs the others.
 */
export function collectHelpdesks(raw: unknown, entry: (e: unknown) => CustomHelpdesk | undefined): CustomHelpdesk[] {
  if (!Array.isArray(raw)) return [];
  const out: CustomHelpdesk[] = [];
  for (const e of raw as unknown[]) {
    if (out.length >= MAX_CUSTOM_HELPDESKS) break;
    const h = entry(e);
    if (h && !out.some((o) => o.origin === h.origin)) out.push(h);
  }
  return out;
}

/** One entry checked by hand, for the content script (no schema library there); agrees with the zod schema (tested). */
function handEntry(e: unknown): CustomHelpdesk | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { origin, kind } = e as Record<string, unknown>;
  return typeof origin === 'string' && (SOURCES as readonly unknown[]).includes(kind) && isHelpdeskOrigin(origin)
    ? { origin, kind: kind as SourceId }
    : undefined;
}

/** The saved list as the content script reads it. */
export const readCustomHelpdesks = (raw: unknown): CustomHelpdesk[] => collectHelpdesks(raw, handEntry);
