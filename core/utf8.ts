/*
 * Text files (packs, labelled conversations) are UTF-8. A file saved in another encoding (Latin-1, Windows-1251)
 * would otherwise read with replacement characters in place of its letters, silently: it is refused instead,
 * with where its first bad byte is, so the one who wrote it can find it.
 */

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 character (Unicode, table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when every byte does.
 */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // How many continuation bytes follow, and the range of the first one (the others are 0x80–0xBF).
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

export type Utf8Read = { ok: true; text: string } | { ok: false; offset: number; line: number; byte: string; error: string };

/** A file's bytes as text (a byte-order mark dropped), or where they stop being UTF-8: the byte offset, its line and value. */
export function decodeUtf8(bytes: Uint8Array): Utf8Read {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const offset = Math.max(0, invalidUtf8At(bytes));
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, offset, line, byte, error: `not valid UTF-8 at byte offset ${offset} (line ${line}, byte 0x${byte}); save the file as UTF-8` };
  }
}
