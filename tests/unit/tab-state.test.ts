import { describe, expect, it } from 'vitest';
import { trustedTabState } from '../../components/panel/tab-state';

const stored = { tabId: 1, state: 'none', url: 'https://acme.zendesk.com/agent/dashboard', updatedAt: 1 };

describe('trustedTabState', () => {
  it('trusts a state from the origin the tab still shows', () => {
    expect(trustedTabState('https://acme.zendesk.com/agent/tickets/2', stored)).toMatchObject({ state: 'none' });
  });
  it('drops it when the tab left the helpdesk (no URL visible, or another origin)', () => {
    expect(trustedTabState(undefined, stored)).toBeNull();
    expect(trustedTabState('https://other.zendesk.com/agent/dashboard', stored)).toBeNull();
  });
  it('drops a malformed stored state', () => {
    expect(trustedTabState('https://acme.zendesk.com/', { state: 'client' })).toBeNull();
    expect(trustedTabState('https://acme.zendesk.com/', undefined)).toBeNull();
  });
});
