import { explainIssues } from '../schema/explain-issues';
import type { Issue } from '../schema/issue-text';
import { namedIssue } from '../schema/named-issue';
import { markupIssues } from './markup';
import { PACK_SCHEMA_VERSION, StrategyPack } from './schema';

/**
 * Every problem of a pack as `JSON.parse` read it, each at its path: a pack of a newer schema is refused at
 * once; otherwise the schema's (with "did you mean", core/schema/explain-issues.ts) and the plain-text rule's
 * (no HTML), all of them, so an editor can list them together. With none, `pack` is the parsed pack.
 */
export function packIssues(raw: unknown): { issues: Issue[]; pack: StrategyPack | null } {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PACK_SCHEMA_VERSION) {
    return { issues: [namedIssue(['schemaVersion'], { issue: 'schema-newer', found: version, version: PACK_SCHEMA_VERSION })], pack: null };
  }
  const r = StrategyPack.safeParse(raw);
  const issues = r.success ? [] : explainIssues(StrategyPack, raw, r.error.issues);
  issues.push(...markupIssues(raw));
  return { issues, pack: r.success && !issues.length ? r.data : null };
}
