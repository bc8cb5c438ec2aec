import iconv from 'iconv-lite';

export type TextEncodingName = 'UTF-8' | 'GB18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Text of a file that is UTF-8 or GBK with no label: bytes that are valid UTF-8 are UTF-8 (a GBK text
 * of any length almost never is), anything else is read as GB18030, the superset of GBK and GB2312.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (isValidUtf8(bytes)) return { text: strictUtf8.decode(bytes), encoding: 'UTF-8' }; // the decoder drops a BOM
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'GB18030' };
}

export function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (/^utf-?8$/i.test(encoding)) return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

export function encodeText(text: string, encoding: 'gbk' | 'utf8'): Uint8Array {
  return encoding === 'utf8' ? new TextEncoder().encode(text) : new Uint8Array(iconv.encode(text, 'gb18030'));
}

/** Longest prefix of `text` whose encoding fits in `maxBytes`, never splitting a character. */
export function truncateToBytes(text: string, maxBytes: number, encoding: 'gbk' | 'utf8'): { text: string; bytes: Uint8Array; truncated: boolean } {
  const full = encodeText(text, encoding);
  if (full.length <= maxBytes) return { text, bytes: full, truncated: false };
  let out = '';
  let size = 0;
  for (const ch of text) {
    const n = encodeText(ch, encoding).length;
    if (size + n > maxBytes) break;
    out += ch;
    size += n;
  }
  return { text: out, bytes: encodeText(out, encoding), truncated: true };
}
