import { TabState } from '../../core/messages/page-report';

/**
 * The stored state of a tab, if it still describes what the tab shows.
 * The browser gives the panel a tab's URL only on the helpdesk hosts Tipazh may read (built in, or added by
 * the agent: access to those ends when the address is removed), so a tab that moved
 * elsewhere has no URL (or another origin) and its old client must not be shown.
 */
export function trustedTabState(tabUrl: string | undefined, stored: unknown): TabState | null {
  if (!tabUrl) return null;
  const parsed = TabState.safeParse(stored);
  if (!parsed.success) return null;
  try {
    return new URL(parsed.data.url).origin === new URL(tabUrl).origin ? parsed.data : null;
  } catch {
    return null;
  }
}
