// Snowflake's statementTypeId values. The driver only looks at the DML range (to sum the count
// columns for getNumUpdatedRows) and DDL (>= 0x6000); the rest follow Snowflake's numbering.

/** statementTypeId per kind of statement. */
export const StatementTypeId = {
  SELECT: 0x1000,
  INSERT: 0x3100,
  UPDATE: 0x3200,
  DELETE: 0x3300,
  MERGE: 0x3400,
  COPY: 0x3600,
  SCL: 0x4000,
  ALTER_SESSION: 0x4100,
  USE: 0x4300,
  SHOW: 0x4400,
  DESCRIBE: 0x4500,
  TCL: 0x5000,
  BEGIN: 0x5100,
  COMMIT: 0x5200,
  ROLLBACK: 0x5300,
  DDL: 0x6000,
  PUT: 0x7100,
  GET: 0x7200,
  LIST: 0x7300,
  REMOVE: 0x7400,
} as const;

/** One of the ids above. */
export type StatementTypeId = (typeof StatementTypeId)[keyof typeof StatementTypeId];
