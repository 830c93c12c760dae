// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../components/i18n';
import { createOptionsModel } from '../../../components/options/model';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { createTeamSyncModel } from '../../../components/options/team-sync-model';
import type { StrategyPack } from '../../../core/pack/schema';
import type { ClientRecord } from '../../../core/store/db';
import { setNeverRecord } from '../../../core/store/never-record';
import { NOT_DUE, setTeamSyncChoice } from '../../../core/team-sync/queue';
import type { TeamSyncRecord } from '../../../core/team-sync/record';
import { fakeOptionsTransport, fixturePack, type FakeOptionsInit } from '../../doubles/fake-options-transport';
import { numberedClient } from '../helpers';

const models: { dispose(): void }[] = [];
afterEach(() => {
  cleanup();
  for (const m of models.splice(0)) m.dispose();
  lang.value = 'en';
});

/** The options page with its Team sync section over the fake transport. */
async function mount(init: FakeOptionsInit = {}, setup?: (fake: ReturnType<typeof fakeOptionsTransport>) => Promise<void>) {
  const fake = fakeOptionsTransport(init);
  await setup?.(fake);
  const model = createOptionsModel(fake.transport, { permissionTimeoutMs: 50 });
  const teamSync = createTeamSyncModel(fake.transport);
  models.push(model, teamSync);
  render(<OptionsApp model={model} teamSync={teamSync} />);
  const section = within(await screen.findByTestId('team-sync'));
  // The first look for the client seen last is done.
  await waitFor(() => expect(screen.getByTestId('team-sync-preview').dataset.state).not.toBe('searching'));
  return { ...fake, section };
}

/** ACME's pack with the team sync section the brief's team lead wrote. */
const teamPack = (teamSync: StrategyPack['teamSync'] = { enabled: true, prefix: 'team_', write: ['type', 'segment'], ticketTags: true }): StrategyPack => ({
  ...fixturePack('acme-support.json'),
  teamSync,
});

const SEEN_LAST = 9_000_000;
/** Megan of ACME (a VIP domain in ACME's pack), opened last: Zendesk user 1, ticket 1201. */
const megan = (over: Partial<ClientRecord> = {}) =>
  numberedClient(1, { name: 'Megan Price', email: 'megan@acme.example', lastSeen: SEEN_LAST, lastTicketId: '1201', ...over });

const queued = (key: string, over: Partial<TeamSyncRecord>): TeamSyncRecord => ({
  key,
  account: 'zendesk:acme',
  source: 'zendesk',
  target: { kind: 'user', id: key.split(':').at(-1)! },
  written: [],
  wanted: [],
  prefix: 'tipazh_',
  add: ['tipazh_tester'],
  remove: [],
  state: 'waiting',
  attempts: 1,
  nextAt: 1,
  rev: 1,
  who: 'Anna',
  updatedAt: 1,
  ...over,
});

const switchOf = () => screen.getByTestId('team-sync-enable') as HTMLInputElement;
const decided = () => screen.getByTestId('team-sync-decided');
const tagsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .queryAllByTestId(/team-sync-(preview-)?tag$/)
    .map((c) => c.textContent);

describe('options page: team sync', () => {
  it('is off by default; the switch stores the agent’s choice, and “follow the pack” drops it', async () => {
    const { state, db } = await mount();
    expect(switchOf().checked).toBe(false);
    expect(switchOf().getAttribute('role')).toBe('switch');
    expect(switchOf().closest('label')?.textContent).toContain('Write confirmed types to the helpdesk');
    expect(decided().textContent).toBe('Off unless you or your team’s pack turn it on. ');
    expect(screen.queryByTestId('team-sync-follow-pack')).toBeNull();

    fireEvent.click(switchOf());
    await waitFor(() => expect(decided().textContent).toContain('You turned it on.'));
    expect(switchOf().checked).toBe(true);
    expect(state.teamSyncChoices).toEqual([true]);
    expect(await db.meta.get('teamSync')).toEqual({ key: 'teamSync', value: { enabled: true } });
    expect(screen.getByTestId('team-sync').dataset.enabled).toBe('true');

    fireEvent.click(screen.getByTestId('team-sync-follow-pack'));
    await waitFor(() => expect(decided().dataset.decidedBy).toBe('default'));
    expect(switchOf().checked).toBe(false);
    expect(state.teamSyncChoices).toEqual([true, undefined]);
    expect(screen.queryByTestId('team-sync-follow-pack')).toBeNull();
  });

  it('says the team’s pack turns it on, lets the agent turn it off, and names the pack’s choice to go back to', async () => {
    await mount({}, (fake) => fake.install(teamPack()).then(() => {}));
    expect(switchOf().checked).toBe(true);
    expect(decided().textContent).toContain('Your team’s pack turns it on.');
    fireEvent.click(switchOf());
    await waitFor(() => expect(decided().textContent).toContain('You turned it off.'));
    expect(screen.getByTestId('team-sync-follow-pack').textContent).toBe('Follow your team’s pack instead (on)');
  });

  it('lists what the pack’s settings write, and where', async () => {
    await mount({}, (fake) => fake.install(teamPack()).then(() => {}));
    expect(tagsOf('team-sync-tags')).toEqual(['team_extortionist', 'team_seg_vip']);
    const parts = within(screen.getByTestId('team-sync-tags'))
      .getAllByRole('listitem')
      .map((li) => li.dataset.part);
    expect(parts).toEqual(['type', 'segment']);
    expect(screen.getByTestId('team-sync-where').textContent).toMatch(/Zendesk on the client’s own record .*amoCRM \/ Kommo on the contact or the company/);
    expect(screen.getByTestId('team-sync-ticket').textContent).toBe('In Zendesk, the client’s last ticket you opened gets the same tags.');
    const rules = screen.getByTestId('team-sync-rules').textContent!;
    expect(rules).toContain('The model’s guess is never written');
    expect(rules).toContain('Undo removes only the tags Tipazh wrote itself');
    expect(rules).toContain('never-record list');
    expect(rules).toContain('not written after the fact');
  });

  it('writes the type and VIP with tipazh_ by default, and no ticket tags', async () => {
    await mount();
    expect(tagsOf('team-sync-tags')).toEqual(['tipazh_extortionist', 'tipazh_vip']);
    expect(screen.getByTestId('team-sync-ticket').dataset.ticketTags).toBe('false');
  });

  it('dry-runs the client opened last: a confirmed type adds its tags and replaces the old type tag', async () => {
    await mount({}, async (fake) => {
      await fake.install(teamPack());
      await fake.db.clients.bulkPut([
        megan({ typeConfirmed: { type: 'extortionist', at: 5 }, helpdeskTags: ['team_tester', 'billing'] }),
        numberedClient(2, { name: 'Older Client', lastSeen: SEEN_LAST - 1 }),
      ]);
    });
    const preview = screen.getByTestId('team-sync-preview');
    expect(preview.dataset.state).toBe('confirmed');
    expect(screen.getByTestId('team-sync-preview-client').textContent).toBe('Megan Price · Zendesk');
    expect(screen.getByTestId('team-sync-preview-target').textContent).toBe('Written to: the Zendesk user 1 and ticket 1201.');
    expect(screen.getByTestId('team-sync-preview-type').textContent).toMatch(/^Confirmed type: /);
    expect(tagsOf('team-sync-preview-add')).toEqual(['team_extortionist', 'team_seg_vip']);
    expect(tagsOf('team-sync-preview-remove')).toEqual(['team_tester']);
    expect(screen.queryByTestId('team-sync-preview-off')).toBeNull();
  });

  it('dry-runs what confirming the type the panel showed would write, follows a newer visit, and says when there is no record to tag', async () => {
    const visit = { id: 'v1', day: '2026-11-22', firstAt: 1, at: 1, messageCount: 3, type: 'tester' as const };
    const { db } = await mount({}, async (fake) => {
      await fake.db.clients.put(megan({ visits: [visit], helpdeskTags: ['tipazh_impatient'] }));
    });
    expect(screen.getByTestId('team-sync-preview').dataset.state).toBe('if-confirmed');
    expect(screen.getByTestId('team-sync-preview-type').textContent).toMatch(/^Not confirmed yet\. If you confirm .+, the type the panel showed last:$/);
    expect(screen.getByTestId('team-sync-preview-off').textContent).toContain('Team sync is off');
    // A teammate tagged the client impatient: confirming tester replaces that tag.
    expect(tagsOf('team-sync-preview-add')).toEqual(['tipazh_tester']);
    expect(tagsOf('team-sync-preview-remove')).toEqual(['tipazh_impatient']);

    // Another window opens a client read from the page only: the preview follows.
    await db.clients.put(numberedClient(3, { name: 'Page Only', externalId: 'name:page only', lastSeen: SEEN_LAST + 1 }));
    await waitFor(() => expect(screen.getByTestId('team-sync-preview').dataset.state).toBe('not-writable'));
    expect(screen.getByTestId('team-sync-preview').textContent).toContain('Page Only');
    expect(screen.getByTestId('team-sync-preview').textContent).toContain('there is no Zendesk record to tag');
  });

  it('lists accounts that refused writes with why, tries one again, and counts the writes waiting, live', async () => {
    const { state, db } = await mount({}, async (fake) => {
      await fake.db.teamSync.bulkPut([
        queued('zendesk:acme:1', { state: 'refused', reason: 'forbidden', status: 403, nextAt: NOT_DUE }),
        queued('zendesk:acme:2', { state: 'refused', reason: 'forbidden', status: 403, nextAt: NOT_DUE }),
        queued('amocrm:shop:contact:3', { account: 'amocrm:shop', source: 'amocrm', state: 'waiting' }),
        queued('zendesk:acme:4', { state: 'done', add: [], nextAt: NOT_DUE }),
      ]);
    });
    const waiting = screen.getByTestId('team-sync-waiting');
    expect(waiting.textContent).toMatch(/^1 write is waiting\./);
    const refused = screen.getAllByTestId('team-sync-refused');
    expect(refused.map((r) => r.dataset.account)).toEqual(['zendesk:acme']);
    expect(refused[0]!.textContent).toContain('Zendesk account “acme” refused the writes of 2 clients:');
    expect(refused[0]!.textContent).toContain('Tags on users and organizations');

    fireEvent.click(within(refused[0]!).getByTestId('team-sync-retry'));
    await waitFor(() => expect(screen.queryAllByTestId('team-sync-refused')).toHaveLength(0));
    expect(state.retried).toEqual(['zendesk:acme']);
    expect((await db.teamSync.get('zendesk:acme:1'))?.state).toBe('waiting');
    expect(screen.getByTestId('team-sync-waiting').textContent).toMatch(/^3 writes are waiting\./);
    expect(screen.getByTestId('team-sync-retried').textContent).toContain('“acme” are trying again');

    // Written from another window: the choice shows at once.
    await setTeamSyncChoice(db, true);
    await waitFor(() => expect(switchOf().checked).toBe(true));
    await db.teamSync.clear();
    await waitFor(() => expect(screen.getByTestId('team-sync-waiting').textContent).toBe('No writes are waiting.'));
  });

  it('says nothing is written for a client on the never-record list, and that there is no client yet', async () => {
    const first = await mount({}, async (fake) => {
      await fake.db.clients.put(megan());
      await setNeverRecord(fake.db, { emails: ['megan@acme.example'], domains: [], clientKeys: [] });
    });
    expect(screen.getByTestId('team-sync-preview').dataset.state).toBe('never-recorded');
    expect(first.section.getByTestId('team-sync-preview').textContent).toContain('never-record list: nothing is written');
    cleanup();
    await mount();
    expect(screen.getByTestId('team-sync-preview').dataset.state).toBe('none');
  });

  it('speaks Russian', async () => {
    await mount({ lang: 'ru' }, (fake) => fake.install(teamPack()).then(() => {}));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Синхронизация с командой' })).toBeTruthy());
    expect(decided().textContent).toContain('Включено пакетом вашей команды.');
    expect(switchOf().closest('label')?.textContent).toContain('Записывать подтверждённые типажи в хелпдеск');
    expect(screen.getByTestId('team-sync-where').textContent).toMatch(/^Куда: в Zendesk/);
    expect(screen.getByTestId('team-sync-waiting').textContent).toBe('В очереди ничего нет.');
    expect(screen.getByTestId('team-sync-preview').textContent).toContain('Клиентов пока нет');
  });
});

describe('a refusal in the helpdesk’s own terms', () => {
  it('tells a Zendesk admin which setting to turn on, and an amoCRM admin which right to give', async () => {
    const { tFor } = await import('../../../components/i18n');
    expect(tFor('zendesk', 'sync.why.forbidden', { helpdesk: 'Zendesk', status: 403 })).toContain('Tags on users and organizations');
    expect(tFor('amocrm', 'sync.why.forbidden', { helpdesk: 'amoCRM', status: 403 })).toContain('edit contacts and companies');
  });
});
