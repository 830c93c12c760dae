import { describe, expect, it } from 'vitest';
import { briefIssues } from '../../../core/schema/brief-issues';
import { z } from '../../../core/schema/zod';

describe("the background's short English for problems (no wording tables in its bundle)", () => {
  it('says where and what, for the kinds of problem a page or a panel can send', () => {
    const S = z.strictObject({
      name: z.string().check(z.maxLength(3)),
      tags: z.array(z.string()).check(z.minLength(2)),
      kind: z.enum(['a', 'b']),
      n: z.number(),
    });
    const r = S.safeParse({ name: 'long', tags: ['x'], kind: 'c', extra: 1 });
    expect(r.success).toBe(false);
    expect(briefIssues(r.error!)).toBe(
      [
        'name: too long (at most 3)',
        'tags: too few items (at least 2 items)',
        'kind: not one of "a", "b"',
        'n: expected number',
        '(root): unknown key "extra"',
      ].join('\n'),
    );
    const many = z.array(z.number()).safeParse(['a', 'b', 'c']);
    expect(briefIssues(many.error!, 2)).toBe('[0]: expected number\n[1]: expected number\n… and 1 more');
  });
});
