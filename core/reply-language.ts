import { clientWords } from './classifier/features';
import type { ClassifyInput } from './classifier/input';
import type { Lang } from './taxonomy';

/** Where the reply language comes from: the agent's choice for this client, the client's own words, or the panel's language. */
export type ReplyLanguageSource = 'agent' | 'conversation' | 'ui';
export interface ReplyLanguage {
  lang: Lang;
  source: ReplyLanguageSource;
}

/** Share of the client's letters a script needs for the conversation to count as written in it. */
const CLEAR = 0.6;

/**
 * The language the client writes in, from their own words only (quotes and signatures cut; translit reads as
 * Russian): Russian when most of their letters are Cyrillic, English when most are Latin, else undecided.
 */
export function conversationLanguage(input: ClassifyInput): Lang | undefined {
  let cyr = 0;
  let lat = 0;
  for (const message of clientWords(input).tokens) {
    for (const t of message ?? []) {
      for (let i = 0; i < t.norm.length; i++) {
        const c = t.norm.charCodeAt(i);
        if (c >= 0x430 && c <= 0x44f) cyr++;
        else if (c >= 97 && c <= 122) lat++;
      }
    }
  }
  const all = cyr + lat;
  if (all < 3) return undefined;
  return cyr / all >= CLEAR ? 'ru' : lat / all >= CLEAR ? 'en' : undefined;
}

/** The language to reply in: the agent's choice for this client, else the conversation's, else the panel's. */
export function replyLanguage(input: ClassifyInput, chosen: Lang | undefined, ui: Lang): ReplyLanguage {
  if (chosen) return { lang: chosen, source: 'agent' };
  const heard = conversationLanguage(input);
  return heard ? { lang: heard, source: 'conversation' } : { lang: ui, source: 'ui' };
}
