import { signal } from '@preact/signals';
import type { Lang } from '../../core/taxonomy';
import { en, type MessageKey } from './en';
import { ru } from './ru';

const dicts: Record<Lang, Record<MessageKey, string>> = { en, ru };

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
