// Placeholder while the page is written (issue 8).
export function DagPage() {
  return (
    <section className="page">
      <h1>DAG</h1>
    </section>
  );
}
