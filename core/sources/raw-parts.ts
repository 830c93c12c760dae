import { z } from '../schema/zod';
import { SourceId } from '../taxonomy';

/*
 * Pieces every helpdesk's raw read is made of (core/sources/<id>/raw.ts): what the content script read from a
 * page, as it came — API answers not yet validated, plus what the page showed. The background validates it
 * and builds the snapshot; a broken answer is refused with its path, never half-used.
 */

/** The client page the read is of (see PageTarget). */
export const Target = z.object({
  source: SourceId,
  account: z.string().check(z.minLength(1)),
  kind: z.enum(['ticket', 'user', 'organization']),
  id: z.string().check(z.minLength(1)),
});
/** An API answer kept as it came (each helpdesk's mapping checks it). */
export const opt = z.optional(z.unknown());
export const Url = z.string().check(z.maxLength(4000));

/** Parses an optional extra; a malformed extra is dropped (the card still shows), the required parts are not. */
export const maybe = <S extends z.ZodMiniType>(schema: S, v: unknown): z.infer<S> | undefined => (v == null ? undefined : schema.safeParse(v).data);
/** Parses a part that may be absent but, when there, must be right. */
export const required = <S extends z.ZodMiniType>(schema: S, v: unknown): z.infer<S> | undefined => (v == null ? undefined : schema.parse(v));
