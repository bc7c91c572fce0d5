// Placeholder while the page is written (issue 8).
export function DagsPage() {
  return (
    <section className="page">
      <h1>DAGs</h1>
    </section>
  );
}
