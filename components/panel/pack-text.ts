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

export const percent = (p: number) => Math.round(p * 100);
