import { describe, expect, it } from 'vitest';
import { trustedTabState } from '../../../components/panel/tab-state';

const stored = { tabId: 1, state: 'none', url: 'https://acme.zendesk.com/agent/dashboard', updatedAt: 1 };

describe('trustedTabState', () => {
  it('trusts a state from the origin the tab still shows', () => {
    expect(trustedTabState('https://acme.zendesk.com/agent/tickets/2', stored)).toMatchObject({ state: 'none' });
  });
  it('drops it when the tab left the helpdesk (no URL visible, or another origin)', () => {
    expect(trustedTabState(undefined, stored)).toBeNull();
    expect(trustedTabState('https://other.zendesk.com/agent/dashboard', stored)).toBeNull();
  });
  it('works the same on an address the agent added (its URL is visible only while access is granted)', () => {
    const custom = { ...stored, url: 'https://support.acme.com/agent/dashboard' };
    expect(trustedTabState('https://support.acme.com/agent/tickets/2', custom)).toMatchObject({ state: 'none' });
    expect(trustedTabState(undefined, custom)).toBeNull();
  });
  it('drops a malformed stored state', () => {
    expect(trustedTabState('https://acme.zendesk.com/', { state: 'client' })).toBeNull();
    expect(trustedTabState('https://acme.zendesk.com/', undefined)).toBeNull();
  });
});
