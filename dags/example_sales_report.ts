// An example DAG (tagged "example"): the README's walkthrough, kept here so it is loaded and
// run by the tests. It touches no database: the dealership pipelines live beside it.
import { BashOperator, EmptyOperator, dag, task, taskGroup } from "@updraft/sdk";

interface Sale {
  dealership: string;
  amount: number;
}

export default dag(
  {
    dagId: "example_sales_report",
    description: "Summarises a day of sales per dealership",
    schedule: "0 6 * * *", // every day at 06:00 in the DAG's time zone
    startDate: "2026-01-01",
    timezone: "America/Sao_Paulo",
    catchup: false,
    tags: ["example"],
    params: { minimumSale: { type: "number", default: 50000, minimum: 0 } },
    defaultArgs: { owner: "data-eng", retries: 2, retryDelay: "5m", retryExponentialBackoff: 2 },
    doc: "# Sales report\nFetches a day of sales, then summarises each dealership in parallel.",
  },
  () => {
    const announce = new BashOperator({
      taskId: "announce",
      bashCommand: 'echo "sales report for {{ ds }} (run {{ run_id }})"',
    });

    const fetchSales = task("fetch_sales", (): Sale[] => [
      { dealership: "Centro", amount: 95000 },
      { dealership: "Centro", amount: 42000 },
      { dealership: "Zona Sul", amount: 61000 },
    ]);
    const dealerships = task("dealerships", (_ctx, sales: Sale[]) => [
      ...new Set(sales.map((s) => s.dealership)),
    ]);
    const summarise = task("summarise", (_ctx, sales: Sale[], dealership: string) => ({
      dealership,
      total: sales.filter((s) => s.dealership === dealership).reduce((sum, s) => sum + s.amount, 0),
    }));
    const bigSale = task.branch("big_sale", (ctx, sales: Sale[]) =>
      sales.some((s) => s.amount >= Number(ctx.params.minimumSale))
        ? "outcome.celebrate"
        : "outcome.quiet_day",
    );

    const sales = fetchSales();
    announce.then(sales);
    // One mapped task instance per dealership; `sales` is passed to every instance.
    const totals = summarise.partial(sales).expand(dealerships(sales));

    taskGroup("outcome", () => {
      bigSale(sales).then([
        new EmptyOperator({ taskId: "celebrate" }),
        new EmptyOperator({ taskId: "quiet_day" }),
      ]);
    });
    totals.then(new EmptyOperator({ taskId: "done", triggerRule: "all_done" }));
  },
);
