import type { SourceId } from '../../core/taxonomy';
import type { VipSource } from '../../core/vip';
import { t } from '../i18n';

/** The helpdesk as the agent knows it: Kommo on kommo.com (amoCRM's international name), else its own name. */
export function helpdeskName(source: SourceId, url?: string): string {
  if (source === 'amocrm' && url && /^https:\/\/[^/]+\.kommo\.com(?:[/?#]|$)/.test(url)) return 'Kommo';
  return t(`source.${source}`);
}

/** The VIP state in words, with where it comes from: "VIP — tagged in Zendesk", "VIP — your team’s pack", "VIP — marked by you". */
export const vipWords = (source: VipSource, helpdesk: string): string => t(`vip.${source}`, { helpdesk });
