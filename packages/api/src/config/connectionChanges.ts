// What a PATCH /connections/{connection_id} writes: each field the body sets (narrowed to the
// update_mask), except that a password sent as `***` keeps the stored one and extra values sent
// as `***` under sensitive keys keep theirs (Airflow merges sent-back masked values the same
// way), so a connection read from the API can be edited and sent back whole. A field the body
// does not set is kept — the password and extra too, which Airflow clears when no mask is given.
import type { ConnectionRow, UpdateConnectionInput } from "@updraft/store";
import { CONNECTION_PATCH_FIELDS, type ConnectionBody } from "./connectionBody";
import { REDACTED } from "./redactSecrets";
import { restoreRedactedJsonText } from "./restoreRedacted";
import { fieldsToUpdate } from "../http/updateMask";

type Changes = { -readonly [K in keyof UpdateConnectionInput]: UpdateConnectionInput[K] };

/** The updateConnection input for `body` (as sent: `raw`) over the `stored` connection. */
export function connectionChanges(
  stored: ConnectionRow,
  body: ConnectionBody,
  raw: unknown,
  mask: readonly string[],
): UpdateConnectionInput {
  const fields = fieldsToUpdate(CONNECTION_PATCH_FIELDS, raw, mask);
  const changes: Changes = { connId: stored.connId };
  if (fields.has("conn_type")) changes.connType = body.conn_type;
  if (fields.has("description")) changes.description = body.description ?? null;
  if (fields.has("host")) changes.host = body.host ?? null;
  if (fields.has("login")) changes.login = body.login ?? null;
  if (fields.has("schema")) changes.schema = body.schema ?? null;
  if (fields.has("port")) changes.port = body.port ?? null;
  if (fields.has("password") && body.password !== REDACTED)
    changes.password = body.password ?? null;
  if (fields.has("extra"))
    changes.extra =
      body.extra === null || body.extra === undefined
        ? null
        : restoreRedactedJsonText(body.extra, stored.extra);
  return changes;
}
