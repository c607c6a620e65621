import { useState } from 'react';
import { common, problemMessage } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { translationFor, visiblePending, type ChatMessage, type Conversation, type PendingSend } from './conversation-state.ts';
import { chatMessages } from './messages.ts';

// The bubbles of a conversation: mine on the right with their delivery state (sending, sent, read, or
// not sent with a retry), the other person's on the left in my language when a translation exists, with
// a per-message switch to the original (the original is always kept).

function Bubble({ message, mine, readerLanguage, who }: { message: ChatMessage; mine: boolean; readerLanguage: string; who: string }) {
  const m = useMessages(chatMessages).conversation;
  const c = useMessages(common);
  const f = useFormat();
  const translation = mine ? undefined : translationFor(message, readerLanguage);
  const [original, setOriginal] = useState(false);
  const shown = translation !== undefined && !original ? translation : message.text;
  return (
    <li className={mine ? 'chat-bubble chat-mine' : 'chat-bubble chat-theirs'} data-seq={message.seq}>
      <span className="sr-only">{who}: </span>
      <p className="chat-text" lang={translation !== undefined && !original ? readerLanguage : message.language}>
        {shown}
      </p>
      <p className="chat-meta">
        <time dateTime={message.createdAt}>{f.time(message.createdAt)}</time>
        {mine && <span className="chat-state">{message.readAt ? m.read : m.sent}</span>}
        {translation !== undefined && (
          <>
            <span>{m.translated((c.language as Record<string, string>)[message.language] ?? message.language)}</span>
            <button type="button" className="btn btn-link btn-small chat-toggle" aria-pressed={original} onClick={() => setOriginal(!original)}>
              {original ? m.showTranslation : m.showOriginal}
            </button>
          </>
        )}
      </p>
    </li>
  );
}

function PendingBubble({ send, onRetry, who }: { send: PendingSend; onRetry(id: string): void; who: string }) {
  const m = useMessages(chatMessages).conversation;
  const c = useMessages(common);
  return (
    <li className={`chat-bubble chat-mine chat-pending${send.status === 'failed' ? ' chat-failed' : ''}`}>
      <span className="sr-only">{who}: </span>
      <p className="chat-text">{send.text}</p>
      <p className="chat-meta">
        {send.status === 'sending' ? (
          <span className="chat-state">{m.sending}</span>
        ) : (
          <>
            <span className="chat-state chat-error">
              {m.failed} — {problemMessage(c, send.problem)}
            </span>
            <button type="button" className="btn btn-link btn-small" onClick={() => onRetry(send.clientMessageId)}>
              {m.retry}
            </button>
          </>
        )}
      </p>
    </li>
  );
}

export function MessageList({
  state,
  me,
  otherName,
  readerLanguage,
  onRetry,
}: {
  state: Conversation;
  me: string;
  otherName: string;
  readerLanguage: string;
  onRetry(id: string): void;
}) {
  const m = useMessages(chatMessages).conversation;
  const pending = visiblePending(state);
  if (state.messages.length === 0 && pending.length === 0) return <p className="empty">{m.noMessages}</p>;
  return (
    <ol className="chat-list" aria-label={m.history}>
      {state.messages.map((message) => (
        <Bubble key={message.id} message={message} mine={message.senderId === me} readerLanguage={readerLanguage} who={message.senderId === me ? m.me : otherName} />
      ))}
      {pending.map((send) => (
        <PendingBubble key={send.clientMessageId} send={send} onRetry={onRetry} who={m.me} />
      ))}
    </ol>
  );
}
