import type { ChatDeps } from './deps.ts';
import { makeAdminReadRoom, makeListMessages } from './history.ts';
import { makeMarkRead } from './mark-read.ts';
import { makeRoomQueue } from './room-queue.ts';
import { makeListRooms, makeOpenRoom } from './rooms.ts';
import { makeSendMessage } from './send-message.ts';
import { makeChatSettings } from './settings.ts';

export type ChatUseCases = ReturnType<typeof makeChatUseCases>;

/** Every chat use case, built once; routes and the WebSocket frames call them, and so may tests. */
export function makeChatUseCases(deps: ChatDeps) {
  return {
    openRoom: makeOpenRoom(deps),
    listRooms: makeListRooms(deps),
    sendMessage: makeSendMessage(deps, makeRoomQueue()),
    listMessages: makeListMessages(deps),
    markRead: makeMarkRead(deps),
    adminReadRoom: makeAdminReadRoom(deps),
    ...makeChatSettings(deps),
  };
}
