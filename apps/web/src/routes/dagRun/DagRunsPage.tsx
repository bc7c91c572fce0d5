// Placeholder while the page is written (issue 8).
export function DagRunsPage() {
  return (
    <section className="page">
      <h1>DAG runs</h1>
    </section>
  );
}
