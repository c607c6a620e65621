import { useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { shortId } from './format.ts';
import { peopleMessages } from './people-messages.ts';

/** A person in an admin table: their name, linking to their account (the id stays in the tooltip). */
export function PersonLink({ id, name }: { id: string; name: string | null | undefined }) {
  const p = useMessages(peopleMessages);
  return (
    <Link to={`/admin/users/${encodeURIComponent(id)}`} title={id}>
      {name ?? `${p.unknown} (${shortId(id)})`}
    </Link>
  );
}
