/*
 * Zendesk Agent Workspace selectors (2022–2026 UI), newest variant first. Never hashed `sc-…` classes.
 * Source for each: shared/helpdesks/FACTS.md §Z4. Several tickets stay mounted at once (one per header tab),
 * so every query below runs inside the active ticket's root.
 */
export const ZD = {
  /** Root of one mounted ticket; `{id}` is replaced. */
  ticketRoot: [
    '[data-test-id="ticket-{id}-standard-layout"][data-is-active="true"]', // Agent Workspace
    '[data-test-id="ticket-{id}-standard-layout"]',
    '[data-side-conversations-anchor-id="{id}"]', // 2021–2024 conversation anchor
    '.conversation-polaris[data-ticket-id="{id}"]',
  ],
  subject: [
    'input[data-test-id="omni-header-subject"]',
    'input[data-test-id="ticket-pane-subject"]', // pre-2023
    'input[aria-label="Subject"]',
  ],
  requesterName: [
    '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="typography.ellipsis"]',
    '[data-test-id="ticket-system-field-requester-select"]',
  ],
  status: ['[data-test-id="ticket-fields-status-view"]'],
  tags: ['[data-test-id="ticket-system-field-tags-item-selected"]'],
  message: ['article[data-test-id="omni-log-comment-item"]'],
  messageBubble: ['[data-test-id="omni-log-item-message"]'],
  messageSender: ['[data-test-id="omni-log-item-sender"]'],
  messageUserLink: ['a[data-test-id="omni-log-comment-user-link"]'],
  messageTime: ['time[data-test-id^="timestamp-"][datetime]', 'time[datetime]'],
  messageBody: ['[data-test-id="omni-log-message-content"]'],
  internalNoteTag: ['[data-test-id="omni-log-internal-note-tag"]'],
  /** The active ticket's root, where the page bridge looks for the reply box (`{id}` is replaced). */
  activeTicket: ['[data-test-id="ticket-{id}-standard-layout"][data-is-active="true"]'],
  /** The reply box's CKEditor 5 editable (rich text, plain text, the older ticket editor). */
  composer: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"]',
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
  ],
} as const;

export const withId = (selectors: readonly string[], id: string) => selectors.map((s) => s.replaceAll('{id}', id));
