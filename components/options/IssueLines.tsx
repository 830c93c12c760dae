import type { Issue } from '../../core/schema/issue-text';
import { t } from './i18n';
import { issueLine, jsonExcerpt } from './issue-text';

/**
 * Validation problems as text, one `path: problem` line each in the UI language (at most `max`, then how many
 * more), and where a JSON text breaks, that line with a caret under the place.
 */
export function IssueLines({ issues, testId, max = 20 }: { issues: readonly Issue[]; testId?: string; max?: number }) {
  const excerpt = issues.map(jsonExcerpt).find((e) => e !== undefined);
  const lines = issues.slice(0, max).map(issueLine);
  if (issues.length > max) lines.push(t('options.more', { n: issues.length - max }));
  return (
    <>
      <pre class="detail" data-testid={testId}>
        {lines.join('\n')}
      </pre>
      {excerpt && (
        <pre class="detail excerpt" data-testid="json-excerpt">
          {excerpt}
        </pre>
      )}
    </>
  );
}
