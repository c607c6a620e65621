import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { caregiverUser, guardianUser } from '../test/fixtures.ts';
import { FakeSocket, withLiveSocket } from '../test/fake-socket.ts';
import { renderWithProviders, stubApi, type StubbedCall } from '../test/render.tsx';
import type { ChatMessage } from './conversation-state.ts';
import { ConversationPage } from './conversation-page.tsx';
import { RoomsPage } from './rooms-page.tsx';

// The chat screens against the real client and the real live connection (api/live.ts) with a fake
// WebSocket (test/fake-socket.ts): frames reach the screens the way the server's would, and what the screens
// send is recorded.

/** The socket of this tab, authenticated (status "live"). */
async function liveSocket(): Promise<FakeSocket> {
  // One socket per tab (the module keeps it across tests): what it sent before this test is forgotten.
  await waitFor(() => expect(FakeSocket.last?.authenticated).toBe(true));
  const socket = FakeSocket.last as FakeSocket;
  socket.sent = [];
  socket.emit({ type: 'auth.ok', userId: 'x', role: 'GUARDIAN', expiresAt: '2099-01-01T00:00:00.000Z' });
  return socket;
}

withLiveSocket();

const ROOM = '0a8f5c2e-1111-4a4a-8888-000000000001';
const zhCaregiver = { ...caregiverUser, preferredLanguage: 'zh' };

function message(seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m-${seq}`,
    roomId: ROOM,
    seq,
    senderId: guardianUser.id,
    text: `메시지 ${seq}`,
    language: 'ko',
    translations: {},
    phraseId: null,
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, seq)).toISOString(),
    readAt: null,
    ...overrides,
  };
}

const room = (overrides: Record<string, unknown> = {}) => ({
  id: ROOM,
  guardianId: guardianUser.id,
  caregiverId: 'cg-1',
  caregiverUserId: caregiverUser.id,
  caregiverName: '김영희',
  guardianName: '이보람',
  lastMessage: message(2),
  unreadCount: 2,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:02:00.000Z',
  ...overrides,
});

const noProvider = { translation: true, translationProvider: null };
const gemini = { translation: true, translationProvider: { name: 'gemini', processedIn: 'Google (United States)' } };
const phrases = { items: [{ id: 'meal.finished', category: 'MEAL', texts: { ko: '환자분이 식사를 다 드셨습니다.', en: 'The patient finished their meal.', zh: '病人已经吃完饭了。', vi: 'Bệnh nhân đã ăn hết bữa.' } }] };

function conversationApi(me: typeof guardianUser, history: ChatMessage[], extra: Record<string, Parameters<typeof stubApi>[0][string]> = {}): StubbedCall[] {
  return stubApi({
    'GET /api/v1/users/me': { body: me },
    'GET /api/v1/chat/rooms': { body: { items: [room()], nextCursor: null } },
    'GET /api/v1/chat/rooms/{id}/messages': { body: { items: history, nextCursor: null } },
    'GET /api/v1/chat/settings': { body: noProvider },
    'GET /api/v1/chat/phrases': { body: phrases },
    ...extra,
  });
}

const bubbles = () => within(screen.getByRole('list', { name: /^(대화 내용|Conversation history)$/ })).getAllByRole('listitem');
const texts = () => bubbles().map((li) => li.querySelector('.chat-text')?.textContent);

describe('chat rooms', () => {
  it('lists rooms with unread badges and reloads when a message arrives', async () => {
    let unread = 2;
    const calls = stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/chat/rooms': () => ({ body: { items: [room({ unreadCount: unread })], nextCursor: null } }),
    });
    renderWithProviders(<RoomsPage />);
    const socket = await liveSocket();
    const link = await screen.findByRole('link', { name: '김영희님과의 대화, 읽지 않은 메시지 2개' });
    expect(link.getAttribute('href')).toBe(`/chat/${ROOM}`);
    expect(within(link).getByText('메시지 2')).toBeTruthy();
    unread = 3;
    socket.emit({ type: 'chat.message', message: message(3, { senderId: caregiverUser.id }) });
    expect(await screen.findByRole('link', { name: '김영희님과의 대화, 읽지 않은 메시지 3개' })).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/v1/chat/rooms')).toHaveLength(2);
  });
});

describe('a conversation', () => {
  it('shows history by seq, merges out-of-order and repeated frames once, translations with the original on demand, and marks read', async () => {
    const fromGuardian = message(2, { translations: { zh: '翻译 2' } });
    const calls = conversationApi(zhCaregiver, [fromGuardian, message(1, { senderId: caregiverUser.id, text: '你好', language: 'zh', readAt: '2026-12-01T00:05:00.000Z' })]);
    renderWithProviders(<ConversationPage params={{ roomId: ROOM }} />);
    const socket = await liveSocket();
    await screen.findByRole('heading', { name: '이보람님과의 대화' });
    await waitFor(() => expect(texts()).toEqual(['你好', '翻译 2']));
    // Mine: read; theirs: shown in my language (zh), with the original one tap away.
    expect(within(bubbles()[0] as HTMLElement).getByText('읽음')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '원문 보기' }));
    expect(texts()).toEqual(['你好', '메시지 2']);
    await userEvent.click(screen.getByRole('button', { name: '번역 보기' }));
    expect(texts()).toEqual(['你好', '翻译 2']);
    // The newest message of the other side is marked read over the socket.
    await waitFor(() => expect(socket.framesOf('chat.read')).toEqual([{ type: 'chat.read', roomId: ROOM, messageId: 'm-2' }]));

    // seq 4 before seq 3 (two replicas), seq 4 twice: ordered, once each, and announced.
    socket.emit({ type: 'chat.message', message: message(4) });
    socket.emit({ type: 'chat.message', message: message(3) });
    socket.emit({ type: 'chat.message', message: message(4) });
    expect(texts()).toEqual(['你好', '翻译 2', '메시지 3', '메시지 4']);
    expect(screen.getByRole('log').textContent).toBe('이보람: 메시지 4');
    socket.emit({ type: 'chat.translation', roomId: ROOM, messageId: 'm-4', language: 'zh', text: '翻译 4' });
    expect(texts()).toEqual(['你好', '翻译 2', '메시지 3', '翻译 4']);
    expect(calls.filter((c) => c.path.endsWith('/messages'))).toHaveLength(1);
  });

  it('sends optimistically over the socket, keeps one bubble when the message comes before the ack, then shows read', async () => {
    const calls = conversationApi(guardianUser, [message(1, { senderId: caregiverUser.id, text: '안녕하세요', readAt: '2026-12-01T00:03:00.000Z' })]);
    renderWithProviders(<ConversationPage params={{ roomId: ROOM }} />);
    const socket = await liveSocket();
    await screen.findByRole('heading', { name: '김영희님과의 대화' });
    const input = await screen.findByLabelText('메시지');
    await userEvent.type(input, '  내일 9시에 뵙겠습니다 {Enter}');
    expect((input as HTMLTextAreaElement).value).toBe('');
    const [send] = socket.framesOf('chat.send');
    expect(send).toMatchObject({ roomId: ROOM, text: '내일 9시에 뵙겠습니다' });
    const clientMessageId = String(send?.clientMessageId);
    expect(clientMessageId.length).toBeGreaterThan(8);
    expect(within(bubbles()[1] as HTMLElement).getByText('보내는 중')).toBeTruthy();

    const sent = message(2, { text: '내일 9시에 뵙겠습니다' });
    socket.emit({ type: 'chat.message', message: sent });
    expect(texts()).toEqual(['안녕하세요', '내일 9시에 뵙겠습니다']);
    socket.emit({ type: 'chat.ack', clientMessageId, message: sent });
    expect(texts()).toEqual(['안녕하세요', '내일 9시에 뵙겠습니다']);
    expect(within(bubbles()[1] as HTMLElement).getByText('전송됨')).toBeTruthy();

    socket.emit({ type: 'chat.read', roomId: ROOM, readerId: caregiverUser.id, upToMessageId: 'm-2', upToSeq: 2, readAt: '2026-12-01T00:09:00.000Z' });
    expect(within(bubbles()[1] as HTMLElement).getByText('읽음')).toBeTruthy();
    // Nothing went over REST.
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toBe(false);
  });

  it('sends a quick phrase by id, shown in my language; refuses an empty message', async () => {
    conversationApi(guardianUser, []);
    renderWithProviders(<ConversationPage params={{ roomId: ROOM }} />, { locale: 'en' });
    const socket = await liveSocket();
    await screen.findByText('Send the first message.');
    expect(await screen.findByText('Translation is not set up, so messages are shown as written.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Please type a message.')).toBeTruthy();
    await userEvent.click(screen.getByText('Quick phrases'));
    await userEvent.click(await screen.findByRole('button', { name: '환자분이 식사를 다 드셨습니다.' }));
    expect(socket.framesOf('chat.send').at(-1)).toMatchObject({ roomId: ROOM, phraseId: 'meal.finished' });
    expect(socket.framesOf('chat.send').at(-1)).not.toHaveProperty('text');
    expect(texts()).toEqual(['환자분이 식사를 다 드셨습니다.']);
    expect(screen.getByText('Sending')).toBeTruthy();
  });

  it('falls back to POST with the same clientMessageId while offline, and after reconnecting merges the newest page without duplicates', async () => {
    let history = [message(1)];
    const calls = conversationApi(guardianUser, [], {
      'GET /api/v1/chat/rooms/{id}/messages': () => ({ body: { items: [...history].reverse(), nextCursor: null } }),
      'POST /api/v1/chat/rooms/{id}/messages': (call) => ({ status: 201, body: message(2, { text: (call.body as { text: string }).text }) }),
    });
    renderWithProviders(<ConversationPage params={{ roomId: ROOM }} />);
    const socket = await liveSocket();
    await waitFor(() => expect(texts()).toEqual(['메시지 1']));
    socket.drop();
    expect(await screen.findByText(/실시간 연결이 끊겼습니다/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('메시지'), '연결이 끊겨도 갑니다');
    await userEvent.click(screen.getByRole('button', { name: '보내기' }));
    await waitFor(() => expect(texts()).toEqual(['메시지 1', '연결이 끊겨도 갑니다']));
    const post = calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(post?.body).toMatchObject({ text: '연결이 끊겨도 갑니다', clientMessageId: expect.any(String) });
    expect(socket.framesOf('chat.send')).toHaveLength(0);

    // While away the caregiver wrote seq 3; the reconnect fetches the newest page and merges it by id.
    history = [message(1), message(2, { text: '연결이 끊겨도 갑니다' }), message(3, { senderId: caregiverUser.id, text: '네 확인했어요' })];
    await waitFor(() => expect(FakeSocket.last).not.toBe(socket), { timeout: 3000 });
    await liveSocket();
    await waitFor(() => expect(texts()).toEqual(['메시지 1', '연결이 끊겨도 갑니다', '네 확인했어요']));
    expect(calls.filter((c) => c.method === 'GET' && c.path.endsWith('/messages'))).toHaveLength(2);
  });

  it('loads older messages with the cursor as `before`', async () => {
    const calls = conversationApi(guardianUser, [], {
      'GET /api/v1/chat/rooms/{id}/messages': (call) =>
        call.query.get('before') === 'c-1' ? { body: { items: [message(1)], nextCursor: null } } : { body: { items: [message(2)], nextCursor: 'c-1' } },
    });
    renderWithProviders(<ConversationPage params={{ roomId: ROOM }} />);
    await liveSocket();
    await waitFor(() => expect(texts()).toEqual(['메시지 2']));
    await userEvent.click(screen.getByRole('button', { name: '이전 메시지 더 보기' }));
    await waitFor(() => expect(texts()).toEqual(['메시지 1', '메시지 2']));
    expect(screen.queryByRole('button', { name: '이전 메시지 더 보기' })).toBeNull();
    expect(calls.filter((c) => c.path.endsWith('/messages')).map((c) => c.query.get('before'))).toEqual([null, 'c-1']);
  });

  it('says who translates and where, and turns translation of my messages off', async () => {
    const calls = conversationApi(guardianUser, [], {
      'GET /api/v1/chat/settings': { body: gemini },
      'PUT /api/v1/chat/settings': (call) => ({ body: { ...gemini, ...(call.body as object) } }),
    });
    renderWithProviders(<ConversationPage params={{ roomId: ROOM }} />);
    expect(await screen.findByText(/gemini가 번역합니다.*Google \(United States\)에서 처리됩니다/)).toBeTruthy();
    const toggle = screen.getByRole('switch', { name: '내 메시지 번역 허용' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await userEvent.click(toggle);
    await waitFor(() => expect((screen.getByRole('switch', { name: '내 메시지 번역 허용' }) as HTMLInputElement).checked).toBe(false));
    expect(screen.getByText('꺼 두면 내 메시지는 번역 서비스로 보내지지 않습니다.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ translation: false });
  });
});
