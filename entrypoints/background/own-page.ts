import { browser, type Browser } from 'wxt/browser';

/** The extension's own pages (side panel, options), as opposed to content scripts in helpdesk tabs. */
export const isOwnPage = (sender: Browser.runtime.MessageSender | undefined) =>
  sender?.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
