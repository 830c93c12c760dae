/** Match patterns of the helpdesks Tipazh reads: its content script runs there and nowhere else. */
export const ZENDESK_HOSTS = ['https://*.zendesk.com/*'];
export const HELPDESK_HOST_PATTERNS = [...ZENDESK_HOSTS];
