import { z } from '../schema/zod';
import { pathString } from '../schema/format-issues';
import { explainIssues } from '../schema/explain-issues';
import type { Issue } from '../schema/issue-text';
import { jsonProblem } from '../schema/json-issue';
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

export { caseInput } from './case-input';

/** A line of a .jsonl file that was skipped, and why (each problem at its path inside the line's case). */
export interface JsonlProblem {
  line: number;
  issues: Issue[];
}

/**
 * Parses JSON Lines; a bad line is reported with its line number and path, the others still count: `problems`
 * for a page to word in its language, `errors` the same as English lines.
 */
export function parseJsonl(text: string): { cases: LabelledCase[]; errors: string[]; problems: JsonlProblem[] } {
  const cases: LabelledCase[] = [];
  const problems: JsonlProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      problems.push({ line: i + 1, issues: [jsonProblem(line, e, { oneLine: true })] });
      return;
    }
    const r = LabelledCase.safeParse(raw);
    if (r.success) cases.push(r.data);
    else problems.push({ line: i + 1, issues: explainIssues(LabelledCase, raw, r.error.issues) });
  });
  const lineOf = (issue: Issue) => (issue.path.length ? `${pathString(issue.path)}: ${issue.message}` : issue.message);
  const errors = problems.map(
    (p) => `line ${p.line}: ${[...p.issues.slice(0, 3).map(lineOf), ...(p.issues.length > 3 ? [`… and ${p.issues.length - 3} more`] : [])].join('; ')}`,
  );
  return { cases, errors, problems };
}
