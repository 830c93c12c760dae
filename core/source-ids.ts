/*
 * The helpdesks Tipazh reads, by id, free of schema libraries: the content script uses this list too.
 * core/taxonomy.ts builds the SourceId schema from it; core/sources/sites.ts registers one site per id.
 */
export const SOURCES = ['zendesk', 'amocrm'] as const;
export type SourceId = (typeof SOURCES)[number];
