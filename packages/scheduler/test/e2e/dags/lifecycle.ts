// Asset-triggered runs, dagrun_timeout, and a sensor in reschedule mode.
import { Asset, dag, task } from "@updraft/sdk";

const report = new Asset("s3://e2e/report.csv");

dag({ dagId: "e2e_asset_producer", startDate: "2026-01-01" }, () => {
  task("produce", () => "written", { outlets: [report] })();
});

dag(
  {
    dagId: "e2e_asset_consumer",
    schedule: [report],
    startDate: "2026-01-01",
    isPausedUponCreation: false,
  },
  () => {
    task("consume", () => "read")();
  },
);

dag({ dagId: "e2e_dagrun_timeout", startDate: "2026-01-01", dagrunTimeout: "700ms" }, () => {
  task("forever", async (ctx) => ctx.runtime.sleep(30_000, ctx.signal))();
});

dag({ dagId: "e2e_reschedule_sensor", startDate: "2026-01-01" }, () => {
  task.sensor(
    "wait_until",
    (ctx) => ctx.runtime.now().getTime() >= Date.parse(String(ctx.conf.until)),
    { mode: "reschedule", pokeInterval: "200ms", timeout: "30s" },
  )();
});
