// A relation: where a model, seed, snapshot or source lives in the warehouse.

/** database.schema.identifier; database is null where the warehouse's current one applies. */
export interface Relation {
  readonly database: string | null;
  readonly schema: string;
  readonly identifier: string;
}
