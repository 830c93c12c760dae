import type { ClientSnapshot } from '../../core/schema/snapshot';
import type { ClientRecord } from '../../core/store/db';
import { t } from '../i18n';
import { LinkedRecords } from './LinkedRecords';
import type { PanelModel } from './model';
import { VipState } from './VipState';

/** Who the client is (and whether VIP, and why) and which ticket or lead is open; all page text rendered as text. */
export function ClientHeader({
  model,
  snapshot,
  linked = [],
  onSplit = () => {},
}: {
  model: PanelModel;
  snapshot: ClientSnapshot;
  linked?: ClientRecord[];
  onSplit?: (key: string) => void;
}) {
  const c = snapshot.client;
  const fromClient = snapshot.conversation.filter((m) => m.author === 'client' && m.public).length;
  return (
    <section class="card client" aria-labelledby="client-name">
      <h1 class="client__name" id="client-name" data-testid="client-name">
        {c.name || c.email || c.externalId}
      </h1>
      <VipState model={model} />
      <p class="client__line">
        <span data-testid="client-email">{c.email ?? t('client.noEmail')}</span>
        {' · '}
        <span data-testid="client-org">{c.organization ?? t('client.noOrg')}</span>
      </p>
      {snapshot.ticket && (
        <p class="client__ticket">
          <span class="muted">#{snapshot.ticket.id}</span> <span data-testid="ticket-subject">{snapshot.ticket.subject}</span>
        </p>
      )}
      <p class="client__line muted">
        <span data-testid="message-count">{t('ticket.messages', { n: snapshot.conversation.length })}</span>
        {' · '}
        {t('ticket.clientMessages', { n: fromClient })}
        {' · '}
        <span data-testid="read-via">
          {t(`source.${snapshot.source}`)}, {t(`via.${snapshot.via}`)}
        </span>
      </p>
      {(c.notes || Object.keys(c.fields).length > 0) && (
        <details class="client__helpdesk" data-testid="helpdesk-fields">
          <summary class="muted">{t('client.fromHelpdesk', { source: model.helpdeskName.value ?? t(`source.${snapshot.source}`) })}</summary>
          {c.notes && <p class="client__notes">{c.notes}</p>}
          <dl class="client__facts">
            {Object.entries(c.fields).map(([k, v]) => (
              <>
                <dt key={`k-${k}`}>{k.replace(/_/g, ' ')}</dt>
                <dd key={`v-${k}`}>{v}</dd>
              </>
            ))}
          </dl>
        </details>
      )}
      <LinkedRecords records={linked} onSplit={onSplit} />
    </section>
  );
}
