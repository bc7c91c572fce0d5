// Placeholder while the page is written (issue 8).
export function DagRunPage() {
  return (
    <section className="page">
      <h1>DAG run</h1>
    </section>
  );
}
