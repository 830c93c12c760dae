/** Tipazh's console voice on the helpdesk page: prefixed, never throwing. */
const tag = '[Tipazh]';
export const log = {
  info: (msg: string, detail?: unknown) => console.debug(tag, msg, detail ?? ''),
  warn: (msg: string, detail?: unknown) => console.warn(tag, msg, detail ?? ''),
};
