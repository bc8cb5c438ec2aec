import iconv from 'iconv-lite';

/** How the DBF text is decoded and why (reported to the user: a wrong guess garbles every name). */
export interface DbfEncoding {
  encoding: string;
  reason: string;
}

/** LDID 0x4D is "GBK / Chinese Simplified (CP936)" in the dBASE language driver table. */
const LDID_GBK = 0x4d;

/**
 * The encoding of a DBF: a .cpg wins (936/CP936/GBK/GB2312/GB18030 → GB18030, the superset; UTF-8);
 * then the language driver byte; then strict UTF-8 if the text bytes are valid UTF-8, else GB18030.
 * TextDecoder (used by shpjs) rejects "936"/"CP936" and silently falls back to UTF-8 — hence ours.
 */
export function chooseDbfEncoding(cpg: string | undefined, languageDriver: number, textIsUtf8: () => boolean): DbfEncoding & { unknownCpg?: string } {
  const label = cpg?.replace(/^\uFEFF/, '').trim();
  if (label) {
    const norm = label.toUpperCase().replace(/[\s_-]/g, '');
    if (['936', 'CP936', 'GBK', 'GB2312', 'GB18030', 'EUCCN', 'WINDOWS936', 'MS936'].includes(norm)) return { encoding: 'GB18030', reason: `.cpg 为“${label}”` };
    if (['UTF8', '65001'].includes(norm)) return { encoding: 'UTF-8', reason: `.cpg 为“${label}”` };
    const numeric = /^\d+$/.test(norm) ? `cp${norm}` : label;
    if (iconv.encodingExists(numeric)) return { encoding: numeric, reason: `.cpg 为“${label}”` };
    const guess = guessFromBytes(languageDriver, textIsUtf8);
    return { ...guess, reason: `.cpg 中的“${label}”无法识别，${guess.reason}`, unknownCpg: label };
  }
  return guessFromBytes(languageDriver, textIsUtf8);
}

function guessFromBytes(languageDriver: number, textIsUtf8: () => boolean): DbfEncoding {
  if (languageDriver === LDID_GBK) return { encoding: 'GB18030', reason: '没有 .cpg，DBF 语言驱动标记为 GBK（0x4D）' };
  if (textIsUtf8()) return { encoding: 'UTF-8', reason: '没有 .cpg，属性内容是有效的 UTF-8' };
  return { encoding: 'GB18030', reason: '没有 .cpg，属性内容不是 UTF-8，按 GBK/GB18030 读取' };
}
