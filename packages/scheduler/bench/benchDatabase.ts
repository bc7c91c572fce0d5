// A fresh database of the store's current schema for one bench run, cloned from a template
// that is migrated once per schema version.
import { createPgClient, migrate, SCHEMA_KEY } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";

export function createBenchDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    templateKey: `scheduler_${SCHEMA_KEY}`,
    prepare: async (url) => {
      const c = createPgClient({ connectionString: url });
      await migrate(c);
      await c.close();
    },
  });
}
