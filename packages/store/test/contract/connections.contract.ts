// Contract of the connection queries: every SqlClient adapter must pass it.
import { createConnection } from "../../src/queries/connections/createConnection";
import { deleteConnection } from "../../src/queries/connections/deleteConnection";
import { getConnection } from "../../src/queries/connections/getConnection";
import { listConnections } from "../../src/queries/connections/listConnections";
import { updateConnection } from "../../src/queries/connections/updateConnection";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

/** Runs the connection contract against the client getClient returns. */
export function describeConnectionsContract(getClient: () => SqlClient): void {
  describe("connections", () => {
    test("createConnection stores every field as given, password included", async () => {
      const client = getClient();
      const connId = `pg_${uid()}`;
      const created = await createConnection(client, {
        connId,
        connType: "postgres",
        host: "db.example.com",
        schema: "sales",
        login: "etl",
        password: "s3cret",
        port: 5432,
        extra: { sslmode: "require" },
      });
      expect(created).toMatchObject({
        connId,
        connType: "postgres",
        description: null,
        host: "db.example.com",
        schema: "sales",
        login: "etl",
        password: "s3cret",
        port: 5432,
        isEncrypted: false,
        isExtraEncrypted: false,
      });
      expect(JSON.parse(created.extra!)).toEqual({ sslmode: "require" });
      expect(await getConnection(client, { connId })).toEqual(created);
    });

    test("a duplicate conn_id fails with ALREADY_EXISTS; an unknown one reads as null", async () => {
      const client = getClient();
      const connId = `dup_${uid()}`;
      await createConnection(client, { connId, connType: "http" });
      await expect(createConnection(client, { connId, connType: "http" })).rejects.toMatchObject({
        code: "ALREADY_EXISTS",
      });
      await expect(
        createConnection(client, { connId: "", connType: "http" }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
      expect(await getConnection(client, { connId: `missing_${uid()}` })).toBeNull();
    });

    test("updateConnection changes only the given fields; null clears one", async () => {
      const client = getClient();
      const connId = `upd_${uid()}`;
      await createConnection(client, {
        connId,
        connType: "http",
        host: "a",
        port: 80,
        extra: "{}",
      });
      const updated = await updateConnection(client, { connId, host: "b", port: null });
      expect(updated).toMatchObject({ connType: "http", host: "b", port: null, extra: "{}" });
      const same = await updateConnection(client, { connId });
      expect(same).toEqual(updated);
      await expect(
        updateConnection(client, { connId: `missing_${uid()}`, host: "x" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    test("deleteConnection removes it; deleting again fails with NOT_FOUND", async () => {
      const client = getClient();
      const connId = `del_${uid()}`;
      await createConnection(client, { connId, connType: "http" });
      expect((await deleteConnection(client, { connId })).connId).toBe(connId);
      await expect(deleteConnection(client, { connId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    test("listConnections filters by LIKE pattern, pages by id and counts", async () => {
      const client = getClient();
      const prefix = `lc${uid()}`;
      for (const n of [1, 2, 3])
        await createConnection(client, { connId: `${prefix}_${n}`, connType: "http" });
      const page = await listConnections(client, { connIdPattern: `${prefix}\\_%`, limit: 2 });
      expect(page.totalEntries).toBe(3);
      expect(page.connections.map((c) => c.connId)).toEqual([`${prefix}_1`, `${prefix}_2`]);
    });
  });
}
