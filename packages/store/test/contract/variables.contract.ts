// Contract of the Variable queries: every SqlClient adapter must pass it.
import { deleteVariable } from "../../src/queries/variables/deleteVariable";
import { getVariable } from "../../src/queries/variables/getVariable";
import { listVariables } from "../../src/queries/variables/listVariables";
import { setVariable } from "../../src/queries/variables/setVariable";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

/** Runs the Variable contract against the client getClient returns. */
export function describeVariablesContract(getClient: () => SqlClient): void {
  describe("variables", () => {
    test("setVariable creates, then replaces the value and keeps an omitted description", async () => {
      const client = getClient();
      const key = `var_${uid()}`;
      const created = await setVariable(client, { key, value: '{"a": 1}', description: "json" });
      expect(created).toMatchObject({
        key,
        value: '{"a": 1}',
        description: "json",
        isEncrypted: false,
      });
      const replaced = await setVariable(client, { key, value: "plain" });
      expect(replaced).toMatchObject({ id: created.id, value: "plain", description: "json" });
      const cleared = await setVariable(client, { key, value: "plain", description: null });
      expect(cleared.description).toBeNull();
      expect(await getVariable(client, { key })).toEqual(cleared);
    });

    test("getVariable returns null and deleteVariable NOT_FOUND for an unknown key", async () => {
      const client = getClient();
      expect(await getVariable(client, { key: `missing_${uid()}` })).toBeNull();
      await expect(deleteVariable(client, { key: `missing_${uid()}` })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(setVariable(client, { key: "", value: "x" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
    });

    test("deleteVariable removes the variable and returns it", async () => {
      const client = getClient();
      const key = `var_${uid()}`;
      await setVariable(client, { key, value: "v" });
      expect(await deleteVariable(client, { key })).toMatchObject({ key, value: "v" });
      expect(await getVariable(client, { key })).toBeNull();
    });

    test("listVariables filters by LIKE pattern, pages by id and counts", async () => {
      const client = getClient();
      const prefix = `lv${uid()}`;
      for (const n of [1, 2, 3])
        await setVariable(client, { key: `${prefix}_${n}`, value: `${n}` });
      await setVariable(client, { key: `other_${prefix}`, value: "x" });
      const page = await listVariables(client, { keyPattern: `${prefix}%`, limit: 2, offset: 1 });
      expect(page.totalEntries).toBe(3);
      expect(page.variables.map((v) => v.key)).toEqual([`${prefix}_2`, `${prefix}_3`]);
      expect(await listVariables(client, { keyPattern: `${prefix}%`, offset: 5 })).toEqual({
        variables: [],
        totalEntries: 3,
      });
    });
  });
}
