import { signal } from '@preact/signals';
import type { Lang, SourceId } from '../../core/taxonomy';
import { en, type MessageKey as PanelKey } from './en';
import type { OptionsKey } from './options-en';
import { ru } from './ru';

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

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};
const PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Fills a message: `{name}` placeholders, and plural forms written as `{n, plural, one {# message} other {#
 * messages}}` (categories of `Intl.PluralRules` for the language: Russian has one, few, many; `#` is the number).
 */
export function formatMessage(template: string, vars: Record<string, string | number>, language: Lang): string {
  const withPlurals = template.replace(PLURAL, (m, name: string, forms: string) => {
    const value = vars[name];
    if (typeof value !== 'number') return m;
    const category = (pluralRules[language] ??= new Intl.PluralRules(language)).select(value);
    const chosen: Record<string, string> = {};
    for (const [, cat, text] of forms.matchAll(PLURAL_FORM)) chosen[cat!] = text!;
    return (chosen[category] ?? chosen.other ?? '').replace(/#/g, String(value));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * The helpdesk in front of the agent (the panel's client, or its tab's page). A message may have a variant for
 * one (`'key@amocrm'`, which says "lead" where `'key'` says "ticket"): `t` then reads that one.
 */
export const helpdesk = signal<SourceId | undefined>(undefined);

/** A UI string in the current language (and for the helpdesk, when it has a variant), with its placeholders and plural forms filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const dict = dicts[lang.value];
  const variant = helpdesk.value ? (dict as Record<string, string | undefined>)[`${key}@${helpdesk.value}`] : undefined;
  return formatMessage(variant ?? dict[key], vars, lang.value);
}

// One formatter per language: building an Intl formatter per call costs about a millisecond each.
const timeFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/** A date and time in the UI language. */
export const formatTime = (ms: number) =>
  (timeFormats[lang.value] ??= new Intl.DateTimeFormat(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
