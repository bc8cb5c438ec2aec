/** A WKT (1 or 2) node: KEYWORD["name", 1.5, NODE[...], BARE_WORD]. */
export interface WktNode {
  keyword: string;
  args: Array<string | number | WktNode>;
}

/** Parses the WKT of a .prj into a tree; throws a plain Error on malformed text (callers report it). */
export function parseWkt(text: string): WktNode {
  let i = 0;
  const s = text.trim();
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const node = (): WktNode => {
    skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) throw new Error(`WKT: keyword expected at ${i}`);
    i += m[0].length;
    skipSpace();
    const open = s[i];
    if (open !== '[' && open !== '(') throw new Error(`WKT: '[' expected at ${i}`);
    const close = open === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skipSpace();
      const c = s[i];
      if (c === undefined) throw new Error('WKT: unexpected end');
      if (c === close) {
        i++;
        return { keyword: m[0].toUpperCase(), args };
      }
      if (c === ',') {
        i++;
        continue;
      }
      if (c === '"') {
        let str = '';
        i++;
        for (;;) {
          const ch = s[i];
          if (ch === undefined) throw new Error('WKT: unterminated string');
          if (ch === '"' && s[i + 1] === '"') {
            str += '"';
            i += 2;
          } else if (ch === '"') {
            i++;
            break;
          } else {
            str += ch;
            i++;
          }
        }
        args.push(str);
        continue;
      }
      const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
      if (num) {
        args.push(Number(num[0]));
        i += num[0].length;
        continue;
      }
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
      if (!word) throw new Error(`WKT: unexpected '${c}' at ${i}`);
      const after = s.slice(i + word[0].length).trimStart()[0];
      if (after === '[' || after === '(') args.push(node());
      else {
        args.push(word[0]);
        i += word[0].length;
      }
    }
  };
  const root = node();
  skipSpace();
  if (i < s.length) throw new Error('WKT: trailing text');
  return root;
}

export const wktName = (n: WktNode | undefined): string => (n && typeof n.args[0] === 'string' ? n.args[0] : '');

export const wktChildren = (n: WktNode, ...keywords: string[]): WktNode[] =>
  n.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));

/** First node with one of the keywords anywhere below `n` (depth first). */
export function wktFind(n: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const a of n.args) {
    if (typeof a !== 'object') continue;
    if (keywords.includes(a.keyword)) return a;
    const deep = wktFind(a, ...keywords);
    if (deep) return deep;
  }
  return undefined;
}
