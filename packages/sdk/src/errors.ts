// The SDK's error model: one base class with a stable `code`, plus Airflow's control-flow
// exceptions under Airflow's names. Match errors by `code`/`name`, never `instanceof` alone:
// they cross processes, Redis and the database.

/** Stable codes of errors raised while defining or validating a DAG. */
export type SdkErrorCode =
  | "DAG_CYCLE"
  | "DUPLICATE_TASK_ID"
  | "DUPLICATE_DAG_ID"
  | "UNKNOWN_UPSTREAM"
  | "INVALID_ID"
  | "INVALID_CRON"
  | "INVALID_SCHEDULE"
  | "INVALID_DURATION"
  | "INVALID_DATE"
  | "INVALID_TIMEZONE"
  | "INVALID_ARGUMENT"
  | "INVALID_PARAM"
  | "PARAM_VALIDATION"
  | "START_AFTER_END"
  | "NO_DAG_CONTEXT"
  | "TEMPLATE_ERROR"
  | "MAPPING_ERROR"
  | "SERIALIZATION_ERROR"
  | "TASK_FAILED"
  | "TASK_SKIPPED"
  | "SENSOR_TIMEOUT"
  | "TASK_TIMEOUT"
  | "RESCHEDULE";

/** Base of every Updraft error: a stable machine-readable `code`, a message for humans. */
export class UpdraftError<C extends string = string> extends Error {
  readonly code: C;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: C,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
  }

  /** The plain form stored in the database and sent over queues. */
  toJSON(): { name: string; code: string; message: string; details?: Record<string, unknown> } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: { ...this.details } } : {}),
    };
  }
}

/** A DAG definition is invalid: the message names the field, the value and the expected form. */
export class DagDefinitionError extends UpdraftError<SdkErrorCode> {}

/** Airflow's base exception, kept for code that matches on Airflow's names. */
export class AirflowException extends UpdraftError<SdkErrorCode> {
  constructor(message: string, code: SdkErrorCode = "TASK_FAILED") {
    super(code, message);
  }
}

/** Raise inside a task to mark it `skipped` instead of failed. */
export class AirflowSkipException extends AirflowException {
  constructor(message = "Task skipped") {
    super(message, "TASK_SKIPPED");
  }
}

/** Raise inside a task to fail it at once, without using the remaining retries. */
export class AirflowFailException extends AirflowException {
  constructor(message: string) {
    super(message, "TASK_FAILED");
  }
}

/** A sensor ran past its `timeout`: fails without retry (or skips with `softFail`). */
export class AirflowSensorTimeout extends AirflowException {
  constructor(message: string) {
    super(message, "SENSOR_TIMEOUT");
  }
}

/** A try ran past `executionTimeout`: an ordinary failure, retried if retries are left. */
export class AirflowTaskTimeout extends AirflowException {
  constructor(message: string) {
    super(message, "TASK_TIMEOUT");
  }
}

/** A sensor in `reschedule` mode gives its slot back until `rescheduleDate`. */
export class AirflowRescheduleException extends AirflowException {
  readonly rescheduleDate: Date;
  constructor(rescheduleDate: Date) {
    super(`Rescheduled until ${rescheduleDate.toISOString()}`, "RESCHEDULE");
    this.rescheduleDate = rescheduleDate;
  }
}

/** True when `error` carries the given code, whichever realm or process created it. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
