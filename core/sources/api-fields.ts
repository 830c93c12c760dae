import { z } from '../schema/zod';

/*
 * Field shapes both helpdesk APIs use (core/sources/<id>/api.ts): whatever the API writes, read as what Tipazh
 * keeps. Unknown keys are dropped by the objects that use them.
 */

/** An id as a number or text, kept as text (Zendesk ids are 14-digit integers, still below 2^53). */
export const Id = z.pipe(z.union([z.number(), z.string()]), z.transform(String));
/** Text that may be null or missing; read as undefined. */
export const OptStr = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);
/** Text that may be null or missing; read as ''. */
export const Name = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? ''),
);
