import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/**
 * Reads a module's .sql file once. Queries use knex named bindings (:name) for values and ??-escaped
 * identifiers only from the server's registry; user input never reaches the text.
 */
export function sqlFile(moduleUrl: string, name: string): string {
  const url = new URL(`./sql/${name}`, moduleUrl).href;
  let text = cache.get(url);
  if (text === undefined) {
    text = readFileSync(new URL(url), 'utf8');
    cache.set(url, text);
  }
  return text;
}
