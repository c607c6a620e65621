import { useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { Page } from '../ui/page.tsx';
import './info.css';
import { infoMessages } from './messages.ts';

/** 고객센터: phone, hours, email and the FAQ, reachable from the footer and the menu by anyone. */
export function HelpPage() {
  const m = useMessages(infoMessages).help;
  return (
    <Page title={m.title}>
      <div className="stack">
        <p>{m.intro}</p>
        <section className="card info-contact" aria-labelledby="help-contact">
          <h2 id="help-contact">{m.contactTitle}</h2>
          <dl className="info-list">
            <dt>{m.phoneLabel}</dt>
            <dd>
              <a href={`tel:${m.phone.replaceAll('-', '')}`} className="info-phone">
                {m.phone}
              </a>
            </dd>
            <dt>{m.hoursLabel}</dt>
            <dd>{m.hours}</dd>
            <dt>{m.emailLabel}</dt>
            <dd>
              <a href={`mailto:${m.email}`}>{m.email}</a>
              <br />
              <span className="muted">{m.emailHint}</span>
            </dd>
          </dl>
          <p className="muted">{m.urgent}</p>
        </section>
        <section aria-labelledby="help-faq" className="stack">
          <h2 id="help-faq">{m.faqTitle}</h2>
          {m.faq.map((item) => (
            <details key={item.q} className="card info-faq">
              <summary>{item.q}</summary>
              <p>{item.a}</p>
            </details>
          ))}
        </section>
        <section aria-labelledby="help-legal">
          <h2 id="help-legal">{m.legalTitle}</h2>
          <p>
            <Link to="/terms">{m.terms}</Link> · <Link to="/privacy">{m.privacy}</Link>
          </p>
        </section>
      </div>
    </Page>
  );
}
