import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/**
 * Reads a module's .sql file once. Queries use knex named bindings (:name) for values and ??-escaped
 * identifiers only from the server's registry; user input never reaches the text.
 * knex substitutes bindings even inside SQL comments, so comments must not contain a colon before a word.
 */
export function sqlFile(moduleUrl: string, name: string): string {
  const url = new URL(`./sql/${name}`, moduleUrl).href;
  let text = cache.get(url);
  if (text === undefined) {
    text = readFileSync(new URL(url), 'utf8');
    const commentBinding = /--[^\n]*:[A-Za-z_]/.exec(text);
    if (commentBinding) throw new Error(`${name}: a comment holds what knex would read as a binding: ${commentBinding[0]}`);
    cache.set(url, text);
  }
  return text;
}
