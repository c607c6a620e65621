import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { useAsync } from '../ui/use-async.ts';
import { listPhrases, type Phrase } from './chat-api.ts';
import { chatMessages } from './messages.ts';

// Quick phrases (GET /chat/phrases), shown in the reader's language: one tap sends the phrase by id, and
// the other person reads it in theirs, with no AI involved. Folded by default to leave the phone's
// screen to the conversation.

type PhraseLanguage = keyof Phrase['texts'];

export function phraseText(phrase: Phrase, language: string): string {
  const base = language.split('-')[0] ?? language;
  return base in phrase.texts ? phrase.texts[base as PhraseLanguage] : phrase.texts.ko;
}

export function QuickPhrases({ language, onSend }: { language: string; onSend(phrase: Phrase, text: string): void }) {
  const m = useMessages(chatMessages).phrases;
  const phrases = useAsync(listPhrases, []);
  return (
    <details className="chat-phrases">
      <summary>{m.title}</summary>
      <p className="field-hint">{m.hint}</p>
      <ErrorNotice problem={phrases.status === 'error' ? phrases.problem : undefined} onRetry={phrases.reload} />
      <ul className="chat-phrase-list">
        {(phrases.data ?? []).map((phrase) => {
          const text = phraseText(phrase, language);
          return (
            <li key={phrase.id}>
              <button type="button" className="btn btn-secondary btn-small chat-phrase" lang={language} title={m.categories[phrase.category]} onClick={() => onSend(phrase, text)}>
                {text}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
