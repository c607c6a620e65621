import { ChatReadFrame, ChatSendFrame } from '../../../platform/realtime/frames.ts';
import { defineSocketFrame, type SocketFrameHandlers } from '../../../platform/realtime/socket-frames.ts';
import type { ChatUseCases } from './use-cases.ts';

// The chat client frames of /ws, answered by the same use cases as the REST routes: `chat.send` is
// acknowledged on the sender's socket (the same message again for a repeated clientMessageId); a send
// into a room the sender is not in answers an error frame (ROOM_NOT_FOUND) and delivers nothing.
export function chatSocketFrames(useCases: ChatUseCases): SocketFrameHandlers {
  return {
    'chat.send': defineSocketFrame(ChatSendFrame, async (actor, frame) => {
      const { message } = await useCases.sendMessage(actor, frame.roomId, {
        clientMessageId: frame.clientMessageId,
        ...(frame.text !== undefined ? { text: frame.text } : {}),
        ...(frame.phraseId !== undefined ? { phraseId: frame.phraseId } : {}),
      });
      return [{ type: 'chat.ack', clientMessageId: frame.clientMessageId, message }];
    }),
    'chat.read': defineSocketFrame(ChatReadFrame, async (actor, frame) => {
      await useCases.markRead(actor, frame.roomId, frame.messageId);
      return [];
    }),
  };
}
