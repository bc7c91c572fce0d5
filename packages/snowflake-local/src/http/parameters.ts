// Session parameters sent at login and with every result. The driver formats dates with the
// output formats, decodes TIMESTAMP_LTZ in TIMEZONE, and takes the stage-binding threshold from
// here; a huge threshold keeps it from binding through a temporary stage.

import type { Session } from "../session/session";

/** One `{name, value}` parameter entry. */
export interface ParameterEntry {
  readonly name: string;
  readonly value: string | number | boolean;
}

/** Snowflake's defaults for what the driver reads, with the session's TIMEZONE. */
export function sessionParameters(session: Session): ParameterEntry[] {
  return [
    { name: "TIMEZONE", value: session.timezone },
    { name: "DATE_OUTPUT_FORMAT", value: "YYYY-MM-DD" },
    { name: "TIME_OUTPUT_FORMAT", value: "HH24:MI:SS" },
    { name: "TIMESTAMP_OUTPUT_FORMAT", value: "YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM" },
    { name: "TIMESTAMP_NTZ_OUTPUT_FORMAT", value: "YYYY-MM-DD HH24:MI:SS.FF3" },
    { name: "TIMESTAMP_LTZ_OUTPUT_FORMAT", value: "" },
    { name: "TIMESTAMP_TZ_OUTPUT_FORMAT", value: "" },
    { name: "TIMESTAMP_TYPE_MAPPING", value: "TIMESTAMP_NTZ" },
    { name: "BINARY_OUTPUT_FORMAT", value: "HEX" },
    { name: "CLIENT_STAGE_ARRAY_BINDING_THRESHOLD", value: 2_000_000_000 },
    { name: "CLIENT_SESSION_KEEP_ALIVE", value: false },
    { name: "CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY", value: 3600 },
    { name: "CLIENT_RESULT_CHUNK_SIZE", value: 160 },
    { name: "QUERY_CONTEXT_CACHE_SIZE", value: 5 },
    { name: "MULTI_STATEMENT_COUNT", value: 1 },
    { name: "ERROR_ON_NONDETERMINISTIC_MERGE", value: true },
  ];
}
