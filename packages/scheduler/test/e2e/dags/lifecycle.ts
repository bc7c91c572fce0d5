// Asset-triggered runs, dagrun_timeout, and a sensor in reschedule mode.
import { appendFileSync, readFileSync } from "node:fs";
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
  // Counts its pokes in a file the test names, so the condition holds on the third poke however
  // slowly a loaded machine gets to the first one.
  task.sensor(
    "wait_until",
    (ctx) => {
      const file = String(ctx.conf.pokeFile);
      appendFileSync(file, "poke\n");
      return readFileSync(file, "utf8").split("\n").filter(Boolean).length >= 3;
    },
    { mode: "reschedule", pokeInterval: "200ms", timeout: "30s" },
  )();
});
