import { useMessages } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { listRooms, openRoom } from './chat-api.ts';
import { chatMessages } from './messages.ts';

// Entry points into a conversation. A family opens (or finds again: one room per pair) the room with a
// caregiver from the caregiver's page or a booking; a caregiver can only answer in rooms a family
// opened, so a booking shows the caregiver a link when that room exists.

export function MessageCaregiverButton({ caregiverId }: { caregiverId: string }) {
  const m = useMessages(chatMessages).entry;
  const open = useAction(async () => navigate(`/chat/${encodeURIComponent((await openRoom(caregiverId)).id)}`));
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={() => void open.run()} disabled={open.pending} aria-busy={open.pending || undefined}>
        {open.pending ? m.opening : m.message}
      </button>
      <ErrorNotice problem={open.problem} />
    </>
  );
}

export function MessageGuardianLink({ guardianId }: { guardianId: string }) {
  const m = useMessages(chatMessages).entry;
  const rooms = useAsync(listRooms, []);
  const room = rooms.data?.find((r) => r.guardianId === guardianId);
  if (!room) return null;
  return (
    <Link to={`/chat/${encodeURIComponent(room.id)}`} className="btn btn-secondary">
      {m.message}
    </Link>
  );
}
