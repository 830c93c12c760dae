import type { ClientSnapshot } from '../../core/schema/snapshot';
import type { ClientRecord } from '../../core/store/db';
import { t } from '../i18n';
import { LinkedRecords } from './LinkedRecords';

/** Who the client is and which ticket is open; all page text rendered as text. */
export function ClientHeader({
  snapshot,
  client,
  linked = [],
  onSplit = () => {},
}: {
  snapshot: ClientSnapshot;
  client?: ClientRecord;
  linked?: ClientRecord[];
  onSplit?: (key: string) => void;
}) {
  const c = snapshot.client;
  const fromClient = snapshot.conversation.filter((m) => m.author === 'client' && m.public).length;
  return (
    <section class="card client" aria-labelledby="client-name">
      <h1 class="client__name" id="client-name" data-testid="client-name">
        {client?.vip && (
          <span class="vip" aria-label="VIP">
            ★{' '}
          </span>
        )}
        {c.name || c.email || c.externalId}
      </h1>
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
          <summary class="muted">{t('client.fromHelpdesk', { source: t(`source.${snapshot.source}`) })}</summary>
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
