// Every trigger rule below the same three upstreams: one succeeds, one fails, one is skipped.
// They finish in that order (ok → bad → skip), so each rule's verdict does not depend on timing.
import {
  AirflowFailException,
  AirflowSkipException,
  dag,
  EmptyOperator,
  task,
  TRIGGER_RULES,
} from "@updraft/sdk";

dag({ dagId: "e2e_trigger_rules", startDate: "2026-01-01" }, () => {
  const ok = task("ok", () => "fine");
  const bad = task("bad", () => {
    throw new AirflowFailException("this task fails on purpose");
  });
  const skip = task(
    "skip",
    () => {
      throw new AirflowSkipException("this task skips on purpose");
    },
    { triggerRule: "all_done" },
  );
  const upstream = [ok(), bad(), skip()];
  upstream[0]!.then(upstream[1]!);
  upstream[1]!.then(upstream[2]!);
  for (const rule of TRIGGER_RULES) {
    new EmptyOperator({ taskId: `rule_${rule}`, triggerRule: rule }).after(upstream);
  }
});
