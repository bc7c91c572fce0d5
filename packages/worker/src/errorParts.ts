// The plain parts of a thrown value. Errors from DAG files come from another realm (the DAG
// loader's vm context), so they are read by shape, never with instanceof.

/** `{ name, message, code?, stack? }` of anything thrown. */
export function errorParts(error: unknown): {
  name: string;
  message: string;
  code?: string;
  stack?: string;
} {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const name = typeof e.name === "string" ? e.name : "Error";
  const message = typeof e.message === "string" ? e.message : String(error);
  return {
    name,
    message,
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.stack === "string" ? { stack: e.stack } : {}),
  };
}
