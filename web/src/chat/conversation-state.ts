import type { Static } from 'typebox';
import type { ChatMessage as ChatMessageSchema } from '../../../src/platform/realtime/frames.ts';
import type { Problem } from '../api/problem.ts';

// A conversation as the screen holds it, changed only by the pure functions below (so the rules are
// tested without a screen): messages keyed by id and ordered by `seq` (frames can arrive out of order
// across replicas, seq never lies), and the sends not yet confirmed, keyed by their clientMessageId.
// Whatever path a message arrives by (history page, chat.message, chat.ack, the REST answer, a refetch
// after a reconnect), it is merged by id, so nothing shows twice and nothing is lost.

export type ChatMessage = Static<typeof ChatMessageSchema>;

export interface PendingSend {
  readonly clientMessageId: string;
  readonly text: string;
  readonly phraseId?: string;
  readonly status: 'sending' | 'failed';
  readonly problem?: Problem;
  /** The message this send became, when its chat.message frame came before its ack. */
  readonly matchedId?: string;
}

export interface Conversation {
  /** Sorted by seq ascending. */
  readonly messages: readonly ChatMessage[];
  readonly pending: readonly PendingSend[];
}

export const emptyConversation: Conversation = { messages: [], pending: [] };

/** Merges messages by id (a newer copy wins, but a known readAt or translation is never lost), sorted by seq. */
export function mergeMessages(state: Conversation, incoming: readonly ChatMessage[]): Conversation {
  if (incoming.length === 0) return state;
  const byId = new Map(state.messages.map((m) => [m.id, m]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    byId.set(
      message.id,
      known ? { ...message, readAt: message.readAt ?? known.readAt, translations: { ...known.translations, ...message.translations } } : message,
    );
  }
  const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  return { ...state, messages };
}

export function addPending(state: Conversation, send: Omit<PendingSend, 'status'>): Conversation {
  return { ...state, pending: [...state.pending, { ...send, status: 'sending' }] };
}

/** The server confirmed a send (chat.ack or the REST answer): the message replaces its pending bubble. */
export function confirmSend(state: Conversation, clientMessageId: string, message: ChatMessage): Conversation {
  const merged = mergeMessages(state, [message]);
  return { ...merged, pending: merged.pending.filter((p) => p.clientMessageId !== clientMessageId) };
}

export function failSend(state: Conversation, clientMessageId: string, problem: Problem): Conversation {
  return { ...state, pending: state.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, status: 'failed', problem } : p)) };
}

export function retrySend(state: Conversation, clientMessageId: string): Conversation {
  return {
    ...state,
    pending: state.pending.map((p) => {
      if (p.clientMessageId !== clientMessageId) return p;
      const { problem: _problem, ...rest } = p;
      return { ...rest, status: 'sending' };
    }),
  };
}

/**
 * A chat.message frame. Our own message can reach this socket before its ack: it is then tied to the
 * first pending send with the same content, whose bubble stops showing (the ack removes it later).
 */
export function receiveMessage(state: Conversation, message: ChatMessage, me: string): Conversation {
  const merged = mergeMessages(state, [message]);
  if (message.senderId !== me || merged.pending.some((p) => p.matchedId === message.id)) return merged;
  const index = merged.pending.findIndex((p) => !p.matchedId && (p.phraseId ? p.phraseId === message.phraseId : p.text.trim() === message.text));
  if (index < 0) return merged;
  const pending = merged.pending.map((p, i) => (i === index ? { ...p, matchedId: message.id } : p));
  return { ...merged, pending };
}

/** A chat.translation frame for the reader. */
export function addTranslation(state: Conversation, messageId: string, language: string, text: string): Conversation {
  return {
    ...state,
    messages: state.messages.map((m) => (m.id === messageId ? { ...m, translations: { ...m.translations, [language]: text } } : m)),
  };
}

/** A chat.read frame: `readerId` read the other participant's messages up to `upToSeq`. */
export function markRead(state: Conversation, readerId: string, upToSeq: number, readAt: string): Conversation {
  let changed = false;
  const messages = state.messages.map((m) => {
    if (m.senderId === readerId || m.seq > upToSeq || m.readAt) return m;
    changed = true;
    return { ...m, readAt };
  });
  return changed ? { ...state, messages } : state;
}

/** Pending bubbles still to show (a send whose message already arrived shows as that message). */
export function visiblePending(state: Conversation): PendingSend[] {
  return state.pending.filter((p) => !p.matchedId);
}

/** True when the loaded messages skip a seq (a frame that has not arrived yet, or was lost). */
export function hasGap(state: Conversation): boolean {
  return state.messages.some((m, i) => i > 0 && m.seq !== (state.messages[i - 1]?.seq ?? 0) + 1);
}

/** The newest message of the other participant not yet read by me, if any: what to mark read. */
export function unreadFromOther(state: Conversation, me: string): ChatMessage | undefined {
  const newest = [...state.messages].reverse().find((m) => m.senderId !== me);
  return newest && !newest.readAt ? newest : undefined;
}

/** The text a reader sees by default: the translation into their language when there is one. */
export function translationFor(message: ChatMessage, language: string): string | undefined {
  const base = language.split('-')[0] ?? language;
  if (message.language === base) return undefined;
  return message.translations[base];
}
