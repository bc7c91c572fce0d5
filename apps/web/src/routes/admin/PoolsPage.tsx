// Placeholder while the page is written (issue 8).
export function PoolsPage() {
  return (
    <section className="page">
      <h1>Pools</h1>
    </section>
  );
}
