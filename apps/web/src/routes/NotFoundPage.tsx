import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/dags">Back to the DAGs</Link>.
      </p>
    </section>
  );
}
