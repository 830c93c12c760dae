import { z } from '../schema/zod';
import { History, type ClientSnapshot } from '../schema/snapshot';

/** What the classifier reads: the conversation, and what is known of the client's past. */
export const ClassifyInput = z.object({
  messages: z
    .array(
      z.object({
        author: z.enum(['client', 'agent', 'bot', 'system']),
        text: z.string().check(z.maxLength(200_000)),
        at: z.optional(z.string()),
        public: z.optional(z.boolean()),
      }),
    )
    .check(z.maxLength(5000)),
  history: z.optional(z.partial(History)),
  deal: z.optional(z.object({ value: z.number().check(z.nonnegative()) })),
});
export type ClassifyInput = z.infer<typeof ClassifyInput>;

export function inputFromSnapshot(s: ClientSnapshot): ClassifyInput {
  return { messages: s.conversation, history: s.history, deal: s.deal };
}

/** Only the client's public messages are the client's words; agent replies and internal notes are context. */
export const isClientWords = (m: ClassifyInput['messages'][number]) => m.author === 'client' && m.public !== false;
