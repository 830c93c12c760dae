import type { StrategyPack } from './pack/schema';
import type { SourceId } from './taxonomy';

/*
 * Pack texts name what the agent has open: a ticket in Zendesk, a lead in amoCRM. A text says both, and the
 * panel shows the one for the helpdesk in front of the agent: `{{amocrm:сделке|обращении}}` reads «сделке»
 * where the client is read from amoCRM (or Kommo) and «обращении» anywhere else; `{{zendesk:…|…}}` likewise.
 * The part after `|` may be left out (then nothing is shown elsewhere). Each part is written out whole, so
 * Russian cases and genders stay right.
 */

/** A helpdesk choice in a pack text. */
export const HELPDESK_CHOICE = /\{\{\s*(zendesk|amocrm)\s*:([^{}|]*)(?:\|([^{}]*))?\}\}/g;

/** The text as shown for `helpdesk` (undefined: no helpdesk, so every choice reads its part after `|`). */
export const textForHelpdesk = (text: string, helpdesk: SourceId | undefined): string =>
  text.includes('{{') ? text.replace(HELPDESK_CHOICE, (_m, on: string, yes: string, no?: string) => (on === helpdesk ? yes : (no ?? ''))) : text;

/** Every text of a value with its helpdesk choices made; a pack's labelled examples are the clients' words, left as they are. */
function chosen(value: unknown, helpdesk: SourceId | undefined): unknown {
  if (typeof value === 'string') return textForHelpdesk(value, helpdesk);
  if (Array.isArray(value)) return value.map((v) => chosen(v, helpdesk));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'examples' ? v : chosen(v, helpdesk)]));
  }
  return value;
}

/** Each pack's texts, resolved once per helpdesk: the same object again while neither changes. */
const resolved = new WeakMap<StrategyPack, Map<SourceId | undefined, StrategyPack>>();

/**
 * The pack as the panel shows it for a client of `helpdesk`: every helpdesk choice in its texts made. The same
 * pack and helpdesk give the same object, so what the panel derives from it (the classification) is not redone.
 */
export function packForHelpdesk(pack: StrategyPack, helpdesk: SourceId | undefined): StrategyPack {
  let byHelpdesk = resolved.get(pack);
  if (!byHelpdesk) resolved.set(pack, (byHelpdesk = new Map()));
  let out = byHelpdesk.get(helpdesk);
  if (!out) byHelpdesk.set(helpdesk, (out = chosen(pack, helpdesk) as StrategyPack));
  return out;
}
