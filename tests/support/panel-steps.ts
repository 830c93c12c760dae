import { expect, type Locator, type Page } from '@playwright/test';
import { tabStateKey } from '../../core/messages/page-report';
import type { Launched } from './launch';

/* What the side panel's e2e specs (tests/e2e/panel-*.spec.ts) share: the fake Zendesk's tickets and people, and a few steps. */

export const TICKET = 'https://acme.zendesk.com/agent/tickets';
export const DAY = 86_400_000;
/** Requesters of the demo tickets, as dossier keys (`source:account:userId`). */
export const KEY = {
  daniel: 'zendesk:acme:38156690203412', // 1202, tester, EN
  megan: 'zendesk:acme:38156690203507', // 1203, impatient, EN
};
export const AGENT = 'Анна Смирнова'; // users/me.json: the agent who makes every change in these tests

/** Waits until the background has saved a fresh read of the tab's client (so the dossier write is done). */
export async function waitForFreshRead(ext: Launched, tabId: number, since: number) {
  await expect
    .poll(() =>
      ext.worker.evaluate(async (key) => {
        const s = (await chrome.storage.session.get(key))[key] as { state?: string; updatedAt?: number } | undefined;
        return s?.state === 'client' ? (s.updatedAt ?? 0) : 0;
      }, tabStateKey(tabId)),
    )
    .toBeGreaterThan(since);
}

export async function addNote(panel: Page, text: string) {
  const before = await panel.getByTestId('note').count();
  await panel.getByTestId('note-input').fill(text);
  await panel.getByTestId('note-add').click();
  await expect(panel.getByTestId('note')).toHaveCount(before + 1);
  await expect(panel.getByTestId('note-input')).toHaveValue('');
}

export const openDetails = (details: Locator) => details.locator(':scope > summary').click();
