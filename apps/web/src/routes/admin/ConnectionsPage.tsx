// Placeholder while the page is written (issue 8).
export function ConnectionsPage() {
  return (
    <section className="page">
      <h1>Connections</h1>
    </section>
  );
}
