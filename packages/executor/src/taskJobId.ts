// The queue id of one try of one task instance. Deriving it from the task instance key and the
// try number makes enqueue idempotent: BullMQ ignores an add whose id already exists, and the
// LocalExecutor does the same for ids pending or running.
import { createHash } from "node:crypto";
import type { TaskJob } from "./jobCatalog";

/** Encoded parts longer than this are shortened to a readable head plus a hash. */
const MAX_PART_LENGTH = 64;
const HEAD_LENGTH = 40;

function hashOf(part: string): string {
  return createHash("sha256").update(part, "utf8").digest("hex").slice(0, 16);
}

/**
 * Percent-encodes a part (so ':' and the '/' separator never appear raw) and shortens long
 * parts to `<head>#<sha256 prefix>`. '#' is always percent-encoded in a plain part, so a
 * shortened part never equals a plain one. Strings that cannot be URI-encoded (lone surrogates)
 * are hashed whole.
 */
function encodePart(part: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(part);
  } catch {
    return `#${hashOf(part)}`;
  }
  if (encoded.length <= MAX_PART_LENGTH) return encoded;
  return `${encoded.slice(0, HEAD_LENGTH)}#${hashOf(part)}`;
}

/**
 * The stable job id of a try: `<dag_id>/<run_id>/<task_id>/<map_index>/<try_number>`, each text
 * part percent-encoded (run ids such as `scheduled__2024-01-01T00:00:00+00:00` contain ':',
 * which BullMQ forbids in custom ids) and long parts shortened with a hash. Equal keys give equal
 * ids; different keys give different ids. Example:
 * `etl/manual__2024-01-01T00%3A00%3A00%2B00%3A00/extract/-1/1`.
 */
export function taskJobId(
  job: Pick<TaskJob, "dagId" | "runId" | "taskId" | "mapIndex" | "tryNumber">,
): string {
  return [
    encodePart(job.dagId),
    encodePart(job.runId),
    encodePart(job.taskId),
    String(job.mapIndex),
    String(job.tryNumber),
  ].join("/");
}
