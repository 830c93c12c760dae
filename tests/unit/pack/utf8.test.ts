import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackBytes } from '../../../core/pack/parse';
import { decodeUtf8 } from '../../../core/utf8';

const bytes = (...b: number[]) => new Uint8Array(b);
const LATIN1 = resolve(import.meta.dirname, '../../fixtures/packs/latin1-phrase.json');

describe('decodeUtf8: text files are UTF-8, or refused with the offset of the first bad byte', () => {
  it('reads UTF-8 (Russian, emoji) and drops a byte-order mark', () => {
    const text = 'Здравствуйте, Megan 👋';
    expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({ ok: true, text: '{}' });
  });

  it.each([
    ['a Latin-1 "é"', [0x43, 0x61, 0x66, 0xe9, 0x20], 3],
    ['a continuation byte alone', [0x61, 0x80], 1],
    ['0xFF', [0x0a, 0x0a, 0xff], 2],
    ['a character cut at the end', [0x61, 0xd0], 1],
    ['an overlong "/"', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0x61, 0xe0, 0x80, 0x80], 1],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0x61, 0x62, 0xf4, 0x90, 0x80, 0x80], 2],
    ['a Windows-1251 "Привет"', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], 0],
  ])('refuses %s, naming its byte offset', (_what, b, at) => {
    const r = decodeUtf8(bytes(...b));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.offset).toBe(at);
    expect(!r.ok && r.error).toMatch(new RegExp(`^not valid UTF-8 at byte offset ${at} \\(line \\d+, byte 0x[0-9A-F]{2}\\)`));
  });
});

describe('a pack file that is not UTF-8', () => {
  const file = readFileSync(LATIN1);
  const at = file.indexOf(0xe9);

  it('is refused with the byte offset and line, not installed with a replacement character', () => {
    const r = parsePackBytes(file);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(`(root): not valid UTF-8 at byte offset ${at} (line 18, byte 0xE9); save the file as UTF-8`);
    // Nothing to open in an editor: the text was never read.
    expect(!r.ok && r.draft).toBeUndefined();
  });

  it('is refused by npm run pack:check, which exits 1', () => {
    let out = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../../../core/cli/pack-check.ts'), LATIN1], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      ({ status, stderr: out } = e as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(out).toContain(`not valid UTF-8 at byte offset ${at} (line 18, byte 0xE9)`);
  }, 30_000);
});
