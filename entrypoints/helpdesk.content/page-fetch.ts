/**
 * The page's own fetch. In Firefox a content script's plain `fetch` is privileged and does not behave like
 * the page's (no Origin, other cookies); `content.fetch` does. Chromium has no `content` and needs none.
 */
export function pageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return content?.fetch ? content.fetch.bind(content) : fetch.bind(globalThis);
}
