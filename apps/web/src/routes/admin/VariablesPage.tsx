// Placeholder while the page is written (issue 8).
export function VariablesPage() {
  return (
    <section className="page">
      <h1>Variables</h1>
    </section>
  );
}
