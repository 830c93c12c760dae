import type { ClassifyInput } from './input';

/**
 * Only the client's public messages are the client's words; agent replies and internal notes are context. Apart
 * from input.ts, whose schema would bring the schema library into the classifier's bundle.
 */
export const isClientWords = (m: ClassifyInput['messages'][number]) => m.author === 'client' && m.public !== false;
