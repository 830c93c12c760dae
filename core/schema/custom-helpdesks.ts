import { collectHelpdesks, isHelpdeskOrigin, MAX_CUSTOM_HELPDESKS, type CustomHelpdesk as Entry } from '../sources/custom-helpdesks';
import { SourceId } from '../taxonomy';
import { z } from './zod';

/** An https origin as core/sources/custom-helpdesks.ts#checkHelpdeskOrigin writes it: `https://support.acme.com`. */
export const HelpdeskOrigin = z
  .string()
  .check(z.maxLength(300), z.refine(isHelpdeskOrigin, { message: 'not an https origin Tipazh can add (https://host, no port or path)' }));

/** A helpdesk on an address the agent added, and which helpdesk it is. */
export const CustomHelpdesk = z.object({ origin: HelpdeskOrigin, kind: SourceId }) satisfies z.ZodMiniType<Entry>;
/** The content script's type (it carries no schema library): the schema above must produce it. */
export type CustomHelpdesk = Entry;

/** The saved list: at most MAX_CUSTOM_HELPDESKS addresses, each once. */
export const CustomHelpdeskList = z.array(CustomHelpdesk).check(
  z.maxLength(MAX_CUSTOM_HELPDESKS),
  z.refine((list) => new Set(list.map((h) => h.origin)).size === list.length, { message: 'an address is listed twice' }),
);

/** The saved list as the background and the options page read it: entry by entry, never a throw. */
export const parseCustomHelpdesks = (raw: unknown): CustomHelpdesk[] => collectHelpdesks(raw, (e) => CustomHelpdesk.safeParse(e).data);
