import type { VipReason } from '../../core/vip';
import type { PanelModel } from './model';
import { vipWords } from './vip-words';

/** What the tag, list or mark that makes the client VIP says, for a tooltip. */
const detailOf = (r: VipReason) => (r.source === 'helpdesk' ? r.tag : r.source === 'pack' ? `${r.segment}: ${r.value}` : (r.tag ?? r.by));

/** The client's one VIP state, with its source ("★ VIP — tagged in Zendesk"); nothing when they are not VIP. */
export function VipState({ model }: { model: PanelModel }) {
  const vip = model.vip.value;
  if (!vip) return null;
  return (
    <p class="client__vip" data-testid="vip-state" data-source={vip.source} title={detailOf(vip)}>
      <span aria-hidden="true">★ </span>
      {vipWords(vip.source, model.helpdeskName.value ?? '')}
    </p>
  );
}
