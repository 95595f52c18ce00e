import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/dora">Go to the DORA overview</Link>.
      </p>
    </section>
  );
}
