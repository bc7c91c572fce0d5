// The `code` of an error from the store (StoreError, or the UpdraftError ALREADY_EXISTS its
// create queries raise): matched by code, never by class, as the house rule says.

/** The error's code, or undefined when it has none. */
export const storeErrorCode = (error: unknown): unknown =>
  error !== null && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
