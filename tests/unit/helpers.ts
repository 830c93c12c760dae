import { ClientSnapshot, type ClientSnapshotInput } from '../../core/schema/snapshot';

/** A valid snapshot of one Zendesk client, with any part replaced. */
export function makeSnapshot(over: Partial<ClientSnapshotInput> = {}): ClientSnapshot {
  return ClientSnapshot.parse({
    source: 'zendesk',
    account: 'acme',
    via: 'api',
    capturedAt: '2026-03-01T10:00:00Z',
    client: { externalId: '42', name: 'Megan Price', email: 'megan@example.com' },
    ticket: { id: '1203', subject: 'Refund' },
    conversation: [{ author: 'client', text: 'hi', public: true }],
    ...over,
  });
}
