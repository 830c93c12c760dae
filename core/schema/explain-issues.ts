import { didYouMean } from '../text/did-you-mean';
import { kindOf, type Issue } from './issue-text';
import { valueAt } from './json-path';
import { keysAt } from './keys-at';
import { reworded } from './named-issue';
import type { z } from './zod';

/**
 * Adds what the input tells about a schema's issue: the kind of value found where another was expected, and
 * "did you mean" for an unknown key (one issue per key, with the keys allowed there; a key the object already
 * has is not offered) or for a value that is not one of the allowed ones (or a discriminated union's key). The English `message` is worded
 * again with them.
 */
function explain(schema: z.ZodMiniType, raw: unknown, issue: Issue): Issue[] {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const allowed = keysAt(schema, issue.path) ?? [];
    const here = valueAt(raw, issue.path);
    const present = new Set(here && typeof here === 'object' ? Object.keys(here) : []);
    const free = allowed.filter((k) => !present.has(k));
    return issue.keys.map((key) => {
      const suggest = didYouMean(key, free);
      return reworded({ ...issue, keys: [key], allowed, ...(suggest ? { suggest } : {}) });
    });
  }
  if (issue.code === 'invalid_value' || (issue.code === 'invalid_union' && issue.options?.length)) {
    const value = valueAt(raw, issue.path);
    const allowed = (issue.values ?? issue.options ?? []).filter((v): v is string => typeof v === 'string');
    const suggest = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
    return [suggest ? reworded({ ...issue, suggest }) : issue];
  }
  if (issue.code === 'invalid_type') return [reworded({ ...issue, received: kindOf(valueAt(raw, issue.path)) })];
  return [issue];
}

/** `schema`'s issues on `raw`, explained (see above). */
export const explainIssues = (schema: z.ZodMiniType, raw: unknown, issues: readonly Issue[]): Issue[] => issues.flatMap((i) => explain(schema, raw, i));
