import type { LocText, StrategyPack } from '../../core/pack/schema';
import type { Lang, TypeVerdict } from '../../core/taxonomy';
import { t } from '../i18n';

/** A pack text in the UI language, else in the other one. */
export const loc = (text: LocText | undefined, lang: Lang): string => (text ? (text[lang] ?? text[lang === 'en' ? 'ru' : 'en'] ?? '') : '');

/** A type's display name from the pack; `unknown` has its own UI string. */
export function typeName(pack: StrategyPack, type: TypeVerdict, lang: Lang): string {
  if (type === 'unknown') return t('type.unknown');
  return loc(pack.types?.[type]?.name, lang) || type;
}

/**
 * A calibrated probability as a person should read it: never 0 % or 100 % (the model is never that sure), to
 * the nearest 5 % in the middle of the range and to 1 % near its ends. "<1" and ">99" at the extremes.
 */
export function percent(p: number): string {
  const x = p * 100;
  if (x < 1) return '<1';
  if (x > 99) return '>99';
  if (x >= 5 && x <= 95) return String(Math.round(x / 5) * 5);
  return String(Math.min(99, Math.max(1, Math.round(x))));
}

/** How sure, in words: the bands a reader can act on. */
export type Certainty = 'very-likely' | 'likely' | 'possible' | 'unsure';
export function certainty(p: number): Certainty {
  return p >= 0.85 ? 'very-likely' : p >= 0.65 ? 'likely' : p >= 0.45 ? 'possible' : 'unsure';
}
