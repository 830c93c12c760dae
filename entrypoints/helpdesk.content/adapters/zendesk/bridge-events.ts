/**
 * The DOM events between the content script and the Zendesk page bridge (entrypoints/zendesk-bridge.ts), which
 * runs in the page's own script world. Every `detail` is a JSON string: objects do not cross worlds reliably.
 */
export const BRIDGE_EVENTS = {
  /** Is a bridge here? It answers `pong` at once. */
  ping: 'tipazh:bridge-ping',
  pong: 'tipazh:bridge-pong',
  /** Insert `{ id, text, ticketId }`; the bridge answers `insertResult` with `{ id, ok, reason?, message? }`. */
  insert: 'tipazh:insert',
  insertResult: 'tipazh:insert-result',
} as const;
