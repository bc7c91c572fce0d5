// dbt's Relation object as templates see it: prints as the quoted, qualified name and has
// `.database`, `.schema`, `.identifier` (and `.name`), so `{{ this }}` and `{{ this.schema }}`
// both work.
import type { Dialect } from "../adapters/dialect";
import type { Relation } from "../adapters/relation";

/** A relation a template can print or take apart. */
export class RelationValue {
  readonly database: string | null;
  readonly schema: string;
  readonly identifier: string;
  readonly #rendered: string;

  constructor(relation: Relation, dialect: Dialect) {
    this.database = relation.database;
    this.schema = relation.schema;
    this.identifier = relation.identifier;
    this.#rendered = dialect.render(relation);
  }

  get name(): string {
    return this.identifier;
  }

  toString(): string {
    return this.#rendered;
  }
}
