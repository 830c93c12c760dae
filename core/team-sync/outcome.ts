import { z } from '../schema/zod';
import { SYNC_REASONS, type WriteOutcome } from './record';

const Tag = z.string().check(z.maxLength(200));

/** A tab's answer to a team sync write, checked where the background takes it: the page's side is not trusted. */
export const WriteOutcomeSchema: z.ZodMiniType<WriteOutcome> = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), tags: z.array(Tag).check(z.maxLength(1000)), already: z.optional(z.array(Tag).check(z.maxLength(50))) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(SYNC_REASONS),
    status: z.optional(z.number().check(z.int())),
    retryAfterMs: z.optional(z.number().check(z.nonnegative())),
    detail: z.optional(z.string().check(z.maxLength(500))),
  }),
]);
