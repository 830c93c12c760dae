/** Match patterns of the helpdesks Tipazh reads: its content script runs there and nowhere else. */
export const ZENDESK_HOSTS = ['https://*.zendesk.com/*'];
export const AMOCRM_HOSTS = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'];
export const HELPDESK_HOST_PATTERNS = [...ZENDESK_HOSTS, ...AMOCRM_HOSTS];
