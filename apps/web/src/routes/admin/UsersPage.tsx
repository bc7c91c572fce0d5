// Placeholder while the page is written (issue 8).
export function UsersPage() {
  return (
    <section className="page">
      <h1>Users</h1>
    </section>
  );
}
