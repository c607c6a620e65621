import { useCallback, useEffect, useRef, useState } from 'react';
import { sendFrame, useLiveFrames, useLiveStatus } from '../api/live.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import { historyPage, newClientMessageId, postMessage, postRead } from './chat-api.ts';
import {
  addPending,
  addTranslation,
  confirmSend,
  emptyConversation,
  failSend,
  hasGap,
  markRead,
  mergeMessages,
  receiveMessage,
  retrySend,
  unreadFromOther,
  type ChatMessage,
  type Conversation,
} from './conversation-state.ts';

// One conversation, live: the newest history page, then frames from the tab's one WebSocket. A send goes
// as `chat.send` with a fresh clientMessageId (a pending bubble until chat.ack); without a live socket,
// or when no ack comes, or the socket answers an error frame, the same send goes to POST .../messages
// with the same clientMessageId, which the server answers with the stored message if the frame got
// through after all: idempotent, so never sent twice. After a reconnect, or when seqs show a gap that
// does not close, the newest page is fetched again and merged by id.

const ACK_TIMEOUT_MS = 8_000;
const GAP_WAIT_MS = 1_500;

type Payload = { text?: string; phraseId?: string };

export interface ConversationView {
  readonly state: Conversation;
  readonly status: 'loading' | 'ready' | 'error';
  readonly problem: Problem | undefined;
  readonly reload: () => void;
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  readonly olderProblem: Problem | undefined;
  loadOlder(): Promise<void>;
  /** Sends text or a quick phrase; `display` is what the pending bubble shows (a phrase in my language). */
  send(payload: Payload, display?: string): void;
  retry(clientMessageId: string): void;
  /** The last message of the other participant that arrived live (for the screen reader announcement). */
  readonly lastIncoming: ChatMessage | undefined;
}

export function useConversation(roomId: string, me: string): ConversationView {
  const [state, setState] = useState<Conversation>(emptyConversation);
  const current = useRef(state);
  current.current = state;
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [problem, setProblem] = useState<Problem>();
  const [generation, setGeneration] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderProblem, setOlderProblem] = useState<Problem>();
  const [lastIncoming, setLastIncoming] = useState<ChatMessage>();
  const payloads = useRef(new Map<string, Payload>());
  const ackTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const live = useLiveStatus();

  // The newest page; `initial` also sets the cursor for older pages.
  const fetchNewest = useCallback(
    async (initial: boolean) => {
      const page = await historyPage(roomId);
      const newest = current.current.messages.at(-1)?.seq ?? 0;
      const oldestFetched = page.items.at(-1)?.seq ?? 0;
      // Missed more than a page while away: start again from this page (older ones load with "more").
      const restart = !initial && oldestFetched > newest + 1;
      setState((s) => mergeMessages(restart ? { ...s, messages: [] } : s, page.items));
      if (initial || restart) setCursor(page.nextCursor);
    },
    [roomId],
  );

  useEffect(() => {
    let active = true;
    setStatus('loading');
    fetchNewest(true).then(
      () => active && setStatus('ready'),
      (error: unknown) => {
        if (!active) return;
        setProblem(problemOf(error));
        setStatus('error');
      },
    );
    return () => {
      active = false;
    };
  }, [fetchNewest, generation]);

  const viaRest = useCallback(
    async (clientMessageId: string) => {
      clearTimeout(ackTimers.current.get(clientMessageId));
      ackTimers.current.delete(clientMessageId);
      const payload = payloads.current.get(clientMessageId);
      if (!payload) return;
      try {
        const message = await postMessage(roomId, { clientMessageId, ...payload });
        payloads.current.delete(clientMessageId);
        setState((s) => confirmSend(s, clientMessageId, message));
      } catch (error) {
        setState((s) => failSend(s, clientMessageId, problemOf(error)));
      }
    },
    [roomId],
  );

  const deliver = useCallback(
    (clientMessageId: string) => {
      const payload = payloads.current.get(clientMessageId);
      if (!payload) return;
      if (!sendFrame({ type: 'chat.send', roomId, clientMessageId, ...payload })) return void viaRest(clientMessageId);
      ackTimers.current.set(
        clientMessageId,
        setTimeout(() => void viaRest(clientMessageId), ACK_TIMEOUT_MS),
      );
    },
    [roomId, viaRest],
  );

  const send = useCallback(
    (payload: Payload, display = payload.text ?? '') => {
      const clientMessageId = newClientMessageId();
      payloads.current.set(clientMessageId, payload);
      setState((s) => addPending(s, { clientMessageId, text: display, ...(payload.phraseId ? { phraseId: payload.phraseId } : {}) }));
      deliver(clientMessageId);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      setState((s) => retrySend(s, clientMessageId));
      deliver(clientMessageId);
    },
    [deliver],
  );

  useLiveFrames((frame) => {
    switch (frame.type) {
      case 'chat.message':
        if (frame.message.roomId !== roomId) return;
        setState((s) => receiveMessage(s, frame.message as ChatMessage, me));
        if (frame.message.senderId !== me) setLastIncoming(frame.message as ChatMessage);
        return;
      case 'chat.ack': {
        if (!payloads.current.has(frame.clientMessageId)) return;
        clearTimeout(ackTimers.current.get(frame.clientMessageId));
        ackTimers.current.delete(frame.clientMessageId);
        payloads.current.delete(frame.clientMessageId);
        setState((s) => confirmSend(s, frame.clientMessageId, frame.message as ChatMessage));
        return;
      }
      case 'chat.translation':
        if (frame.roomId === roomId) setState((s) => addTranslation(s, frame.messageId, frame.language, frame.text));
        return;
      case 'chat.read':
        if (frame.roomId === roomId) setState((s) => markRead(s, frame.readerId, frame.upToSeq, frame.readAt));
        return;
      case 'error':
        // An error frame does not say which send it answers: the REST route gives each its own answer.
        for (const id of ackTimers.current.keys()) void viaRest(id);
        return;
      default:
    }
  });

  // Back online: what came meanwhile, and sends whose ack may have been lost with the old socket.
  const wasLive = useRef(live);
  useEffect(() => {
    const before = wasLive.current;
    wasLive.current = live;
    if (live !== 'live' || before === 'live' || status !== 'ready') return;
    void fetchNewest(false).catch(() => undefined);
    for (const id of [...ackTimers.current.keys()]) void viaRest(id);
  }, [live, status, fetchNewest, viaRest]);

  // A seq gap: a frame still on its way (another replica) or lost; refetch when it does not close.
  const gap = hasGap(state);
  useEffect(() => {
    if (!gap) return;
    const timer = setTimeout(() => void fetchNewest(false).catch(() => undefined), GAP_WAIT_MS);
    return () => clearTimeout(timer);
  }, [gap, fetchNewest]);

  // Mark read while the conversation is visible.
  const toMark = unreadFromOther(state, me)?.id;
  const marked = useRef<string>(undefined);
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  useEffect(() => {
    if (!toMark || !visible || marked.current === toMark) return;
    marked.current = toMark;
    if (!sendFrame({ type: 'chat.read', roomId, messageId: toMark })) void postRead(roomId, toMark).catch(() => undefined);
  }, [toMark, visible, roomId]);

  useEffect(() => {
    const timers = ackTimers.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, []);

  const loadOlder = async () => {
    if (!cursor) return;
    setLoadingOlder(true);
    setOlderProblem(undefined);
    try {
      const page = await historyPage(roomId, cursor);
      setState((s) => mergeMessages(s, page.items));
      setCursor(page.nextCursor);
    } catch (error) {
      setOlderProblem(problemOf(error));
    } finally {
      setLoadingOlder(false);
    }
  };

  return {
    state,
    status,
    problem,
    reload: () => setGeneration((g) => g + 1),
    hasOlder: cursor !== null,
    loadingOlder,
    olderProblem,
    loadOlder,
    send,
    retry,
    lastIncoming,
  };
}
