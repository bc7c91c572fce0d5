// A try's log: lines (the TaskLogger's, command output, the worker's own) are masked, buffered
// and written to `task_log` in batches, every `flushIntervalMs` and when the try ends.
import type { TaskLogger } from "@updraft/sdk";
import {
  appendTaskLogs,
  type SqlClient,
  type TaskInstanceKey,
  type TaskLogLine,
} from "@updraft/store";
import type { SecretMasker } from "./secretMasker";

/** How many of a try's last lines its alerts quote. */
export const TAIL_LINES = 20;

/** Log levels, as stored in `task_log.level`. */
export type LogLevel = "info" | "warning" | "error";

function withFields(message: string, fields: Record<string, unknown> | undefined): string {
  if (fields === undefined || Object.keys(fields).length === 0) return message;
  try {
    return `${message} ${JSON.stringify(fields)}`;
  } catch {
    return message;
  }
}

/** Buffers one try's log lines and writes them in batches. */
export class TaskLogWriter {
  readonly #client: SqlClient;
  readonly #target: TaskInstanceKey & { readonly tryNumber: number };
  readonly #masker: SecretMasker;
  #pending: TaskLogLine[] = [];
  #writing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null;
  /** The last TAIL_LINES messages written, masked, for alerts. */
  readonly #tail: string[] = [];
  /** Lines that could not be written (the store refused the batch). */
  dropped = 0;

  constructor(
    client: SqlClient,
    target: TaskInstanceKey & { readonly tryNumber: number },
    masker: SecretMasker,
    flushIntervalMs: number,
  ) {
    this.#client = client;
    this.#target = target;
    this.#masker = masker;
    this.#timer = setInterval(() => void this.flush(), flushIntervalMs);
    this.#timer.unref();
  }

  /** Queues one line (masked now, so a secret registered later cannot leak an earlier one). */
  write(level: LogLevel, message: string): void {
    const masked = this.#masker.mask(message);
    this.#pending.push({ timestamp: new Date(), level, message: masked });
    this.#tail.push(masked);
    if (this.#tail.length > TAIL_LINES) this.#tail.shift();
  }

  /** The last lines written (at most TAIL_LINES), masked: what an alert quotes. */
  tail(): readonly string[] {
    return [...this.#tail];
  }

  /** The SDK's TaskLogger over this writer. */
  logger(): TaskLogger {
    return {
      info: (message, fields) => this.write("info", withFields(message, fields)),
      warn: (message, fields) => this.write("warning", withFields(message, fields)),
      error: (message, fields) => this.write("error", withFields(message, fields)),
    };
  }

  /** Writes what is buffered; batches are written one after another, in order. */
  flush(): Promise<void> {
    const lines = this.#pending;
    if (lines.length === 0) return this.#writing;
    this.#pending = [];
    this.#writing = this.#writing.then(async () => {
      try {
        await appendTaskLogs(this.#client, { ...this.#target, lines });
      } catch {
        this.dropped += lines.length;
      }
    });
    return this.#writing;
  }

  /**
   * Takes the lines not written yet, once earlier batches are written (so order is kept), for
   * the caller to write in its own statement (the try's final one).
   */
  async drain(): Promise<TaskLogLine[]> {
    await this.#writing;
    const lines = this.#pending;
    this.#pending = [];
    return lines;
  }

  /** Returns drained lines to the front of the buffer (their statement did not write them). */
  putBack(lines: readonly TaskLogLine[]): void {
    this.#pending = [...lines, ...this.#pending];
  }

  /** Stops the timer and writes the rest. */
  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.flush();
  }
}
