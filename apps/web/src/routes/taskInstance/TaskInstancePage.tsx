// Placeholder while the page is written (issue 8).
export function TaskInstancePage() {
  return (
    <section className="page">
      <h1>Task instance</h1>
    </section>
  );
}
