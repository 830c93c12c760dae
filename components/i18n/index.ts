import { signal } from '@preact/signals';
import type { Lang } from '../../core/taxonomy';
import { en, type MessageKey as PanelKey } from './en';
import { optionsEn, type OptionsKey } from './options-en';
import { optionsRu } from './options-ru';
import { ru } from './ru';

/** Every UI string key: the side panel's and the options page's. */
export type MessageKey = PanelKey | OptionsKey;

const dicts: Record<Lang, Record<MessageKey, string>> = { en: { ...en, ...optionsEn }, ru: { ...ru, ...optionsRu } };

/** The UI language; follows the browser until the agent picks one. */
export const lang = signal<Lang>('en');

/** Picks ru or en from a BCP 47 tag such as `ru-RU`. */
export const langFromLocale = (locale: string | undefined): Lang => (locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en');

/** A UI string in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dicts[lang.value][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A date and time in the UI language. */
export const formatTime = (ms: number) =>
  new Date(ms).toLocaleString(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
