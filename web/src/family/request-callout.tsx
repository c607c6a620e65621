import { useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { requestMessages } from './request-messages.ts';

/** The family home's main action: the guided request (its page loads lazily). Styles in family.css. */
export function RequestCallout() {
  const m = useMessages(requestMessages).request;
  return (
    <section className="card request-callout" aria-labelledby="request-callout-title">
      <div>
        <h2 id="request-callout-title">{m.callout}</h2>
        <p>{m.calloutHint}</p>
      </div>
      <Link to="/request" className="btn btn-primary">
        {m.start}
      </Link>
    </section>
  );
}
