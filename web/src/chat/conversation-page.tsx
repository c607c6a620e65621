import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLiveStatus } from '../api/live.ts';
import { useSession } from '../auth/session-provider.tsx';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { ErrorNotice, Loading } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { listRooms, MAX_TEXT, otherName } from './chat-api.ts';
import { translationFor } from './conversation-state.ts';
import { MessageList } from './message-list.tsx';
import { chatMessages } from './messages.ts';
import { QuickPhrases } from './phrases.tsx';
import { TranslationNotice } from './translation-notice.tsx';
import { useConversation } from './use-conversation.ts';
import './chat.css';

// A conversation: history (older pages with "more"), live messages, the composer with quick phrases,
// and the translation notice. New messages of the other person are announced in a polite live region.

function Composer({ onSend }: { onSend(text: string): void }) {
  const m = useMessages(chatMessages).conversation;
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(m.empty);
    if ([...trimmed].length > MAX_TEXT) return setError(m.tooLong);
    setError(undefined);
    onSend(trimmed);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; not while an input method (Korean, Chinese) is still composing the word.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };
  return (
    <form className="chat-composer" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-text`} className="sr-only">
        {m.input}
      </label>
      <textarea
        id={`${id}-text`}
        name="text"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <button type="submit" className="btn btn-primary">
        {m.send}
      </button>
      <p id={`${id}-hint`} className="field-hint chat-hint">
        {m.inputHint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function ConversationPage({ params }: { params: Record<string, string> }) {
  const { user } = useSession();
  // Who "me" is decides which messages are mine and what to mark read: wait for the signed-in user.
  if (!user) return <Loading />;
  return <Conversation roomId={params.roomId ?? ''} me={user.id} readerLanguage={user.preferredLanguage} />;
}

function Conversation({ roomId, me, readerLanguage }: { roomId: string; me: string; readerLanguage: string }) {
  const m = useMessages(chatMessages).conversation;
  const c = useMessages(common);
  const rooms = useAsync(listRooms, []);
  const room = rooms.data?.find((r) => r.id === roomId);
  const name = room ? otherName(room, me) : '';
  const conversation = useConversation(roomId, me);
  const live = useLiveStatus();
  const end = useRef<HTMLDivElement>(null);
  const count = conversation.state.messages.length + conversation.state.pending.length;
  const newest = conversation.state.messages.at(-1)?.id;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [newest, count]);
  const incoming = conversation.lastIncoming;
  const announcement = incoming ? m.newMessage(name || m.fallbackTitle, translationFor(incoming, readerLanguage) ?? incoming.text) : '';
  return (
    <Page title={name ? m.title(name) : m.fallbackTitle}>
      <p>
        <Link to="/chat">{m.backToRooms}</Link>
      </p>
      <TranslationNotice />
      {live === 'offline' && <p className="notice notice-info">{m.offline}</p>}
      <div className="sr-only" role="log" aria-live="polite" aria-relevant="additions text">
        {announcement}
      </div>
      {conversation.status === 'error' && <ErrorNotice problem={conversation.problem} onRetry={conversation.reload} />}
      {conversation.status === 'loading' && <Loading />}
      {conversation.status === 'ready' && (
        <div className="chat-history">
          <ErrorNotice problem={conversation.olderProblem} />
          {conversation.hasOlder && (
            <button type="button" className="btn btn-secondary btn-small chat-older" onClick={() => void conversation.loadOlder()} disabled={conversation.loadingOlder}>
              {conversation.loadingOlder ? c.states.loading : m.older}
            </button>
          )}
          <MessageList state={conversation.state} me={me} otherName={name || m.fallbackTitle} readerLanguage={readerLanguage} onRetry={conversation.retry} />
        </div>
      )}
      {conversation.status !== 'error' && (
        <div className="chat-compose-area">
          <QuickPhrases language={readerLanguage} onSend={(phrase, text) => conversation.send({ phraseId: phrase.id }, text)} />
          <Composer onSend={(text) => conversation.send({ text })} />
        </div>
      )}
      {/* Scrolled into view on new messages: the newest bubbles and the composer below them. */}
      <div ref={end} />
    </Page>
  );
}
