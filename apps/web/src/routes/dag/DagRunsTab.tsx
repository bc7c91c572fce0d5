// The DAG page's Runs tab: the DAG's runs with the list's filters, order and pages.
import { DagRunList } from "../dagRun/DagRunList";

export function DagRunsTab({ dagId }: { readonly dagId: string }) {
  return <DagRunList dagId={dagId} />;
}
