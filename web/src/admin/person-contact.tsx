import { useMessages } from '../i18n/i18n.tsx';
import { useAsync } from '../ui/use-async.ts';
import { PersonLink } from './person-link.tsx';
import { peopleMessages } from './people-messages.ts';
import { usersApi } from './users-api.ts';

/**
 * A party of a reservation on its admin detail page: name (linking to the account), phone and email, read
 * from GET /admin/users/:id. Until it answers (or when it cannot) the row shows the id.
 */
export function PersonContact({ id }: { id: string }) {
  const p = useMessages(peopleMessages);
  const detail = useAsync(() => usersApi.user(id), [id]);
  const user = detail.data?.user;
  if (!user) return <PersonLink id={id} name={undefined} />;
  return (
    <span className="person-contact">
      <PersonLink id={id} name={user.name} />
      <span>
        {p.phone}: {user.phone ? <a href={`tel:${user.phone.replace(/[^0-9+]/g, '')}`}>{user.phone}</a> : p.noPhone}
      </span>
      <span>
        {p.email}: {user.email}
      </span>
    </span>
  );
}
