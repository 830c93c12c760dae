import { addStrings } from '../i18n';
import { optionsEn } from '../i18n/options-en';
import { optionsRu } from '../i18n/options-ru';

// The options page's strings, added once when any options component loads (the side panel never loads them).
addStrings({ en: optionsEn, ru: optionsRu });

export * from '../i18n';
