import { useLiveFrames } from '../api/live.ts';
import { useSession } from '../auth/session-provider.tsx';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { listRooms, otherName, type Room } from './chat-api.ts';
import { translationFor } from './conversation-state.ts';
import { chatMessages } from './messages.ts';
import './chat.css';

// The rooms of the signed-in guardian or caregiver, newest activity first, with unread badges. A new
// message or a read receipt for this user reloads the list (the server counts unread messages).

function RoomItem({ room, me, language }: { room: Room; me: string; language: string }) {
  const m = useMessages(chatMessages).rooms;
  const f = useFormat();
  const name = otherName(room, me);
  const last = room.lastMessage;
  const unread = room.unreadCount > 99 ? '99+' : room.unreadCount > 0 ? String(room.unreadCount) : '';
  const preview = last ? (translationFor({ ...last, translations: last.translations as Record<string, string> }, language) ?? last.text) : m.noMessages;
  return (
    <li className="card chat-room">
      <Link to={`/chat/${encodeURIComponent(room.id)}`} className="chat-room-link" aria-label={m.open(name, unread ? m.unread(room.unreadCount) : '')}>
        <span className="chat-room-head">
          <strong>{name}</strong>
          {last && <time dateTime={last.createdAt}>{f.dateTime(last.createdAt)}</time>}
        </span>
        <span className="chat-room-preview muted">{preview}</span>
      </Link>
      {unread && (
        <span className="chat-unread" aria-hidden="true">
          {unread}
        </span>
      )}
    </li>
  );
}

export function RoomsPage() {
  const m = useMessages(chatMessages).rooms;
  const { user } = useSession();
  const rooms = useAsync(listRooms, []);
  useLiveFrames((frame) => {
    if (frame.type === 'chat.message' || (frame.type === 'chat.read' && frame.readerId === user?.id)) rooms.reload();
  });
  const me = user?.id ?? '';
  return (
    <Page title={m.title}>
      <AsyncView
        state={rooms}
        isEmpty={(items) => items.length === 0}
        empty={
          <>
            {m.empty} {user?.role === 'GUARDIAN' ? m.emptyGuardian : m.emptyCaregiver}
          </>
        }
      >
        {(items) => (
          <ul className="chat-rooms" aria-label={m.listLabel}>
            {items.map((room) => (
              <RoomItem key={room.id} room={room} me={me} language={user?.preferredLanguage ?? 'ko'} />
            ))}
          </ul>
        )}
      </AsyncView>
    </Page>
  );
}
