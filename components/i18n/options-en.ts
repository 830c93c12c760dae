/** English strings of the options page (the team lead's workspace). Keys are shared with options-ru.ts. */
export const optionsEn = {
  'options.title': 'Tipazh — strategy packs',
} as const;

export type OptionsKey = keyof typeof optionsEn;
