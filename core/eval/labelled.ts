import { z } from '../schema/zod';
import { ClassifyInput } from '../classifier/input';
import { formatIssues } from '../schema/format-issues';
import { Lang, TypeVerdict } from '../taxonomy';

const Count = z.number().check(z.int(), z.nonnegative());

/** One labelled conversation, as `npm run eval` and pack examples read it. Unknown keys are ignored. */
export const LabelledCase = z.object({
  id: z.string().check(z.minLength(1)),
  lang: z.optional(Lang),
  label: z.optional(TypeVerdict),
  /** Corpus bookkeeping (tests/fixtures/labelled/GUIDE.md): what it is about, how it reads, and whether it is hard. */
  industry: z.optional(z.string().check(z.maxLength(100))),
  texture: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
  hard: z.optional(z.boolean()),
  confusable: z.optional(TypeVerdict),
  messages: z
    .array(
      z.object({
        author: z.enum(['client', 'agent']),
        text: z.string(),
        at: z.optional(z.iso.datetime({ offset: true })),
        public: z.optional(z.boolean()),
      }),
    )
    .check(z.minLength(1)),
  history: z.optional(
    z.partial(
      z.object({
        tickets: Count,
        complaints: Count,
        compensationRequests: Count,
        promoTickets: Count,
        satisfactionGood: Count,
        satisfactionBad: Count,
      }),
    ),
  ),
  deal: z.optional(z.object({ value: z.number().check(z.nonnegative()) })),
});
export type LabelledCase = z.infer<typeof LabelledCase>;

/** A writer's batch is the first part of a case id (`t3-ru-041` → `t3`). */
export const writerOf = (c: { id: string }) => c.id.split('-')[0]!;

export const caseInput = (c: LabelledCase): ClassifyInput => ({ messages: c.messages, history: c.history, deal: c.deal });

/** Parses JSON Lines; a bad line is reported with its line number and path, the others still count. */
export function parseJsonl(text: string): { cases: LabelledCase[]; errors: string[] } {
  const cases: LabelledCase[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const r = LabelledCase.safeParse(raw);
    if (r.success) cases.push(r.data);
    else errors.push(`line ${i + 1}: ${formatIssues(r.error, 3).replace(/\n/g, '; ')}`);
  });
  return { cases, errors };
}
