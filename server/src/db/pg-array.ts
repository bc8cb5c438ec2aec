/**
 * A Postgres array literal for one binding (`:ids::int[]`, `:codes::text[]`): knex expands a JS array
 * binding into a value list, so arrays travel as one literal. Strings are double-quoted with `"` and `\`
 * escaped, so commas, braces, quotes and the word NULL inside a value stay part of that value.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}
