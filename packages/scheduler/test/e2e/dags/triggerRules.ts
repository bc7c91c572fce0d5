// Every trigger rule below the same three upstreams: one succeeds, one fails, one is skipped.
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
  const skip = task("skip", () => {
    throw new AirflowSkipException("this task skips on purpose");
  });
  const upstream = [ok(), bad(), skip()];
  for (const rule of TRIGGER_RULES) {
    new EmptyOperator({ taskId: `rule_${rule}`, triggerRule: rule }).after(upstream);
  }
});
