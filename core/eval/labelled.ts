import { z } from 'zod';
import { ClassifyInput } from '../classifier/input';
import { formatIssues } from '../schema/format-issues';
import { Lang, TypeVerdict } from '../taxonomy';

const Count = z.number().int().nonnegative();

/** One labelled conversation, as `npm run eval` and pack examples read it. Unknown keys are ignored. */
export const LabelledCase = z.object({
  id: z.string().min(1),
  lang: Lang.optional(),
  label: TypeVerdict.optional(),
  messages: z
    .array(
      z.object({
        author: z.enum(['client', 'agent']),
        text: z.string(),
        at: z.iso.datetime({ offset: true }).optional(),
        public: z.boolean().optional(),
      }),
    )
    .min(1),
  history: z
    .object({
      tickets: Count,
      complaints: Count,
      compensationRequests: Count,
      promoTickets: Count,
      satisfactionGood: Count,
      satisfactionBad: Count,
    })
    .partial()
    .optional(),
  deal: z.object({ value: z.number().nonnegative() }).optional(),
});
export type LabelledCase = z.infer<typeof LabelledCase>;

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
