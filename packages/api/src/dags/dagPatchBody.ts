// The body of PATCH /dags/{dag_id} and PATCH /dags (Airflow's DAGPatchBody: `is_paused` only,
// no other field), which is also all the `update_mask` both take may name.
import { z } from "zod";

/** DAGPatchBody. */
export const dagPatchBody = z
  .object({
    is_paused: z.boolean({
      error: (issue) =>
        issue.input === undefined ? "Field required" : "Input should be a valid boolean",
    }),
  })
  .strict();

/** The fields a DAG's update_mask may name. */
export const DAG_PATCH_FIELDS = ["is_paused"] as const;
