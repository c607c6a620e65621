import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { ChatMessage, PhraseView, RoomView } from '../app/schemas.ts';

// The use cases' shapes (app/schemas.ts) plus what is only HTTP.

export {
  AdminHistoryQuery,
  ChatMessage as MessageOut,
  ChatSettingsInput as SettingsBody,
  ChatSettingsView as SettingsOut,
  HistoryQuery,
  MarkReadInput as MarkReadBody,
  OpenRoomInput as OpenRoomBody,
  ReadReceipt as ReadReceiptOut,
  RoomView as RoomOut,
  SendMessageInput as SendMessageBody,
} from '../app/schemas.ts';

export const RoomParams = Type.Object({ id: Type.String({ description: 'room id' }) });
export const RoomPage = pageOf(RoomView);
export const MessagePage = pageOf(ChatMessage);
export const PhraseList = Type.Object({ items: Type.Array(PhraseView) });
export const RoomListQuery = Type.Object({ limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) }, { additionalProperties: false });
