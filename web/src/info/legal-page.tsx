import { useMessages } from '../i18n/i18n.tsx';
import { Page } from '../ui/page.tsx';
import './info.css';
import { infoMessages, LEGAL_VERSION } from './messages.ts';

function LegalText({ text }: { text: { title: string; version(v: string): string; sections: readonly { h: string; p: string }[] } }) {
  return (
    <Page title={text.title}>
      <article className="card stack info-legal">
        <p className="muted">{text.version(LEGAL_VERSION)}</p>
        {text.sections.map((section) => (
          <section key={section.h}>
            <h2>{section.h}</h2>
            <p>{section.p}</p>
          </section>
        ))}
      </article>
    </Page>
  );
}

export function TermsPage() {
  return <LegalText text={useMessages(infoMessages).terms} />;
}

export function PrivacyPage() {
  return <LegalText text={useMessages(infoMessages).privacy} />;
}
