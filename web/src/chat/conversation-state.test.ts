import { describe, expect, it } from 'vitest';
import { addPending, confirmSend, emptyConversation, hasGap, markRead, mergeMessages, receiveMessage, translationFor, unreadFromOther, visiblePending, type ChatMessage } from './conversation-state.ts';

const ME = 'u-me';
const message = (seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m-${seq}`,
  roomId: 'r',
  seq,
  senderId: ME,
  text: 'same',
  language: 'ko',
  translations: {},
  phraseId: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  readAt: null,
  ...overrides,
});

describe('conversation state', () => {
  it('ties two identical sends to their messages one each, whatever order acks and frames come in', () => {
    let s = addPending(addPending(emptyConversation, { clientMessageId: 'a', text: 'same' }), { clientMessageId: 'b', text: 'same' });
    s = receiveMessage(s, message(1), ME);
    expect(visiblePending(s).map((p) => p.clientMessageId)).toEqual(['b']);
    s = receiveMessage(s, message(1), ME);
    expect(visiblePending(s).map((p) => p.clientMessageId)).toEqual(['b']);
    s = confirmSend(s, 'b', message(2));
    s = receiveMessage(s, message(2), ME);
    s = confirmSend(s, 'a', message(1));
    expect(s.pending).toEqual([]);
    expect(s.messages.map((m) => m.id)).toEqual(['m-1', 'm-2']);
  });

  it('keeps a known readAt and translations when an older copy of a message arrives', () => {
    let s = mergeMessages(emptyConversation, [message(1, { readAt: '2026-12-01T01:00:00.000Z', translations: { zh: '同' } })]);
    s = mergeMessages(s, [message(1)]);
    expect(s.messages[0]).toMatchObject({ readAt: '2026-12-01T01:00:00.000Z', translations: { zh: '同' } });
  });

  it('sees gaps in seq, marks reads up to a seq for the other side only, and finds what to mark read', () => {
    let s = mergeMessages(emptyConversation, [message(3), message(1, { senderId: 'other' })]);
    expect(hasGap(s)).toBe(true);
    s = mergeMessages(s, [message(2, { senderId: 'other' })]);
    expect(hasGap(s)).toBe(false);
    expect(unreadFromOther(s, ME)?.id).toBe('m-2');
    s = markRead(s, 'other', 2, '2026-12-01T02:00:00.000Z');
    expect(s.messages.map((m) => m.readAt)).toEqual([null, null, null]);
    s = markRead(s, 'other', 3, '2026-12-01T02:00:00.000Z');
    expect(s.messages.map((m) => m.readAt)).toEqual([null, null, '2026-12-01T02:00:00.000Z']);
    expect(translationFor(message(4, { language: 'ko', translations: { zh: '你好' } }), 'zh-CN')).toBe('你好');
    expect(translationFor(message(4, { language: 'zh', translations: { zh: '你好' } }), 'zh')).toBeUndefined();
  });
});
