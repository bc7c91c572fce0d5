// The body of PATCH /dags/{dag_id} and PATCH /dags (Airflow's DAGPatchBody: `is_paused` only,
// no other field) and the `update_mask` both take, which may only name is_paused.
import { z } from "zod";
import { badRequest } from "../http/apiError";

/** DAGPatchBody. */
export const dagPatchBody = z
  .object({
    is_paused: z.boolean({
      error: (issue) =>
        issue.input === undefined ? "Field required" : "Input should be a valid boolean",
    }),
  })
  .strict();

/** 400 unless `updateMask` is empty or exactly ["is_paused"], as Airflow checks it. */
export function checkDagUpdateMask(updateMask: readonly string[]): void {
  if (updateMask.length > 0 && !(updateMask.length === 1 && updateMask[0] === "is_paused"))
    throw badRequest("Only `is_paused` field can be updated through the REST API");
}
