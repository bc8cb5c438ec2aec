/**
 * A user's search text inside LIKE / ILIKE: `%`, `_` and the escape character itself match literally.
 * Use with `escape '\'` in the statement (PostgreSQL's default escape character is also the backslash).
 */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
