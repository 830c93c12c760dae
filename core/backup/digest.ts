/*
 * A backup's integrity check: the SHA-256 of its content, written as the file's last field,
 * `…,"settings":{…},"digest":"sha256:<64 lower-case hex digits>"}`. The content is the file's text with that
 * field taken out (ending `…"settings":{…}}`), as UTF-8. A changed byte anywhere (a record, the version, the
 * digest itself) makes the file refused before its records are read. Web Crypto: the same in browsers and Node.
 */

const TAIL = /^,"digest":"sha256:([0-9a-f]{64})"\}$/;
/** `,"digest":"sha256:` + 64 hex digits + `"}`. */
const TAIL_LENGTH = 84;

async function sha256Hex(text: string): Promise<string> {
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file for a backup's content (the text of a JSON object with at least one field): the content with its digest as the last field. */
export async function withDigest(content: string): Promise<string> {
  return `${content.slice(0, -1)},"digest":"sha256:${await sha256Hex(content)}"}`;
}

/**
 * Whether a file's digest matches its content: `verified`; `mismatch`; or `absent` when the file does not end
 * with a digest field as `withDigest` writes it (white space after the JSON is not content).
 */
export async function checkDigest(text: string): Promise<'verified' | 'mismatch' | 'absent'> {
  const file = text.trimEnd();
  const tail = TAIL.exec(file.slice(-TAIL_LENGTH));
  if (!tail) return 'absent';
  return (await sha256Hex(`${file.slice(0, -TAIL_LENGTH)}}`)) === tail[1] ? 'verified' : 'mismatch';
}
