import { z } from '../schema/zod';
import { History, type ClientSnapshot } from '../schema/snapshot';
import { ClientTypeId } from '../taxonomy';
import { teamTypesOf } from '../team-tags';

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
  /** The types the team's tags in the helpdesk name (core/team-tags.ts): strong evidence, shown as the team's. */
  teamTypes: z.optional(z.array(ClientTypeId)),
});
export type ClassifyInput = z.infer<typeof ClassifyInput>;

/** `teamPrefix`: what the team's tags start with (the pack's team sync prefix, default `tipazh_`). */
export function inputFromSnapshot(s: ClientSnapshot, teamPrefix?: string): ClassifyInput {
  const teamTypes = teamTypesOf([...s.client.tags, ...(s.ticket?.tags ?? [])], teamPrefix);
  return { messages: s.conversation, history: s.history, deal: s.deal, ...(teamTypes.length ? { teamTypes } : {}) };
}
