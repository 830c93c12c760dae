import type { OptionsKey } from './options-en';

/** Russian strings of the options page. */
export const optionsRu: Record<OptionsKey, string> = {
  'options.title': 'Типаж — пакеты стратегий',
};
