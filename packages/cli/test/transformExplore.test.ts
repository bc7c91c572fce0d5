import { cli } from "./support/cli";
import { transformFixture } from "./support/transformProject";

test("explore", async () => {
  const f = await transformFixture();
  const args = ["--project-dir", f.projectDir, "--conn-id", "warehouse"];
  for (const a of [["run"], ["run"], ["build"], ["ls"], ["ls", "-o", "json", "-s", "stg_vendas"], ["compile"], ["run", "-s", "nothing", "stg_vendas++"], ["run", "-s", "nothing"]]) {
    const r = await cli(["transform", ...a, ...(a[0] === "ls" ? ["--project-dir", f.projectDir] : args)], f.env);
    console.log(a.join(" "), r.code, "\n" + r.out + "\n--- err:\n" + r.err);
  }
  await f.sql(["insert into raw.vendas values (4, -5)"]);
  const r = await cli(["transform", "build", ...args], f.env);
  console.log(r.code, "\n" + r.out + "\n--- err:\n" + r.err);
  console.log(JSON.stringify(f.readJson("target/run_results.json"), null, 1).slice(0, 1500));
});
