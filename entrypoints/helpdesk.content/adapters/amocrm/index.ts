import { getJson, type GetJsonOptions } from '../../../../core/net/http';
import type { RawReadInput } from '../../../../core/sources/raw-read';
import { amocrmSite } from '../../../../core/sources/amocrm/site';
import type { PageTarget } from '../../../../core/sources/page-target';
import { log } from '../../log';
import { readAmoCard, readAmoFeed } from './read-dom';
import { AMO } from './selectors';
import { queryFirst, waitFor, waitForQuiet } from '../dom-utils';
import { insertIntoField } from '../insert-text';
import { at, idAt } from '../../../../core/net/json-at';
import { optional } from '../read-helpers';
import type { HelpdeskAdapter, ReadEnv } from '../types';

const ENTITY = { ticket: 'leads', user: 'contacts', organization: 'companies' } as const;

/** The lead's main contact, else its first one. */
function mainContactId(lead: unknown): string | undefined {
  const contacts = at(lead, '_embedded', 'contacts');
  if (!Array.isArray(contacts)) return undefined;
  return idAt(contacts.find((c) => at(c, 'is_main') === true) ?? contacts[0], 'id');
}

/** API v4 with the agent's session. A missing entity answers 204 (null here). */
async function readApi(target: PageTarget, env: ReadEnv) {
  const origin = new URL(env.doc.location.href).origin;
  // env.fetch waits for the account's turn (at most 6 requests a second across its tabs: watch-page.ts).
  const opts: GetJsonOptions = { fetch: env.fetch, signal: env.signal };
  const api = (path: string) => getJson(`${origin}/api/v4/${path}`, opts);
  let lead: unknown;
  let contactId: string | undefined;
  let companyId: string | undefined;
  if (target.kind === 'ticket') {
    lead = await api(`leads/${target.id}?with=contacts`);
    if (lead === null) throw new Error(`lead ${target.id} does not exist`);
    contactId = mainContactId(lead);
    companyId = idAt(lead, '_embedded', 'companies', 0, 'id');
  } else if (target.kind === 'user') contactId = target.id;
  else companyId = target.id;

  const [contact, notes, account] = await Promise.all([
    contactId ? api(`contacts/${contactId}?with=leads`) : undefined,
    optional('notes', api(`${ENTITY[target.kind]}/${target.id}/notes?limit=50`)),
    optional('account', api('account')),
  ]);
  if (target.kind === 'user' && contact === null) throw new Error(`contact ${target.id} does not exist`);
  companyId ??= idAt(contact, '_embedded', 'companies', 0, 'id');
  const userId = idAt(account, 'current_user_id');
  const [company, user] = await Promise.all([
    companyId ? optional('company', api(`companies/${companyId}${target.kind === 'organization' ? '?with=leads' : ''}`)) : undefined,
    userId ? optional('agent', api(`users/${userId}`)) : undefined,
  ]);
  if (target.kind === 'organization' && !company) throw new Error(`company ${target.id} does not exist`);
  return { lead, contact: contact ?? undefined, company: company ?? undefined, notes: notes ?? undefined, account, user };
}

/** amoCRM and Kommo: API v4 with the session for the people and the deal, the card's feed for chat messages. */
export const amocrm: HelpdeskAdapter = {
  site: amocrmSite,
  async insert(text, _target, doc) {
    const field = queryFirst<HTMLElement>(doc, AMO.composer);
    return field ? insertIntoField(field, text) : { ok: false, reason: 'no-composer' };
  },
  replyBox(_target, doc) {
    return queryFirst<HTMLElement>(doc, AMO.composer);
  },
  async read(target, env): Promise<RawReadInput> {
    const url = env.doc.location.href;
    // The card renders after the URL changes; the feed (chat texts) exists only there.
    await waitFor(env.doc, () => queryFirst(env.doc, AMO.cardHolder), env.signal).catch(() => log.info('no card on the page yet'));
    await waitForQuiet(env.doc, env.signal);
    const dom = { ...readAmoCard(env.doc, target.kind), feed: readAmoFeed(env.doc) };
    try {
      return { kind: 'amocrm', target, url, api: await readApi(target, env), dom };
    } catch (e) {
      if (env.signal.aborted) throw e;
      log.warn('amoCRM API refused or failed; reading the card instead', e);
      return { kind: 'amocrm', target, url, dom };
    }
  },
};
