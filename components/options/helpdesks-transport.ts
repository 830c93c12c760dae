import type { HelpdeskAnswer } from '../../core/messages/added-helpdesks';
import type { CustomHelpdesk } from '../../core/schema/custom-helpdesks';

/** What the "Helpdesk addresses" section needs from the extension; the options entrypoint injects the real one. */
export interface HelpdeskTransport {
  /** The saved addresses, now and after every change (the background drops one whose access was revoked). */
  watch(cb: (list: CustomHelpdesk[]) => void): () => void;
  /**
   * Asks the browser for access to the origin's pages. Must be called synchronously from a click or key
   * press (the user gesture). May never settle: headless Chromium shows no prompt.
   */
  requestAccess(origin: string): Promise<boolean>;
  /** Saves the address and starts reading its pages (the background checks that access was granted). */
  add(helpdesk: CustomHelpdesk): Promise<HelpdeskAnswer>;
  /** Stops reading the address, deletes it and gives its access back. */
  remove(origin: string): Promise<HelpdeskAnswer>;
}
