import { signal } from '@preact/signals';
import type { Lang, SourceId } from '../../core/taxonomy';
import { en, type MessageKey as PanelKey } from './en';
import type { OptionsKey } from './options-en';
import { ru } from './ru';
import { formatMessage } from '../../core/text/format-message';

/** Every UI string key: the side panel's and the options page's. */
export type MessageKey = PanelKey | OptionsKey;

// The side panel ships only its own strings; the options page adds its own (components/options/i18n.ts).
const dicts = { en: { ...en }, ru: { ...ru } } as Record<Lang, Record<MessageKey, string>>;

/** Adds a page's own strings to the dictionaries. */
export function addStrings(more: Record<Lang, Partial<Record<MessageKey, string>>>): void {
  Object.assign(dicts.en, more.en);
  Object.assign(dicts.ru, more.ru);
}

/** The UI language; follows the browser until the agent picks one. */
export const lang = signal<Lang>('en');

/** Picks ru or en from a BCP 47 tag such as `ru-RU`. */
export const langFromLocale = (locale: string | undefined): Lang => (locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en');

export { formatMessage };

/**
 * The helpdesk in front of the agent (the panel's client, or its tab's page). A message may have a variant for
 * one (`'key@amocrm'`, which says "lead" where `'key'` says "ticket"): `t` then reads that one.
 */
export const helpdesk = signal<SourceId | undefined>(undefined);

/** A UI string in the current language (and for the helpdesk, when it has a variant), with its placeholders and plural forms filled. */
export const t = (key: MessageKey, vars: Record<string, string | number> = {}): string => tFor(helpdesk.value, key, vars);

/** `t` for a named helpdesk rather than the one in front of the agent (a list of several helpdesks' accounts). */
export function tFor(source: SourceId | undefined, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const dict = dicts[lang.value];
  const variant = source ? (dict as Record<string, string | undefined>)[`${key}@${source}`] : undefined;
  return formatMessage(variant ?? dict[key], vars, lang.value);
}

// One formatter per language: building an Intl formatter per call costs about a millisecond each.
const timeFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

const dayFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
/** A day and month in the UI language ("3 Sept", «3 сент.»). */
export const formatDay = (ms: number) =>
  (dayFormats[lang.value] ??= new Intl.DateTimeFormat(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short' })).format(ms);

/** A date and time in the UI language. */
export const formatTime = (ms: number) =>
  (timeFormats[lang.value] ??= new Intl.DateTimeFormat(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
