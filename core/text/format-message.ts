import type { Lang } from '../taxonomy';

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};
const PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Fills a message: `{name}` placeholders, and plural forms written as `{n, plural, one {# message} other {#
 * messages}}` (categories of `Intl.PluralRules` for the language: Russian has one, few, many; `#` is the number).
 * Used by the UI strings and by the wording of validation problems (core/schema/issue-text.ts).
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
