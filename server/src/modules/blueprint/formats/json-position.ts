/**
 * Offset of the first syntax error in a JSON text, for a message with a line number: Node 20's
 * JSON.parse says what is wrong but not where. Only run after JSON.parse has failed.
 */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < s.length && ' \t\r\n'.includes(s[i]!)) i++;
  };
  const literal = (word: string) => (s.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i]! < ' ') fail();
      i += s[i] === '\\' ? 2 : 1;
    }
    if (i >= s.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = s[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    number();
  };
  const container = (close: string, object: boolean): void => {
    i++;
    space();
    if (s[i] === close) return void i++;
    for (;;) {
      if (object) {
        space();
        if (s[i] !== '"') fail();
        string();
        space();
        if (s[i] !== ':') fail();
        i++;
      }
      value();
      space();
      if (s[i] === ',') i++;
      else if (s[i] === close) return void i++;
      else fail();
    }
  };
  try {
    value();
    space();
    return i < s.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}
