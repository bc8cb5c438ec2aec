/** Every error answer of the API: a machine code and a Chinese message a user can act on. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
