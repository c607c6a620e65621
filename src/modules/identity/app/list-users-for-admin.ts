import { pageRequest, toCreatedAtPage, type Page } from '../../../platform/paging.ts';
import { listUsersForAdmin } from '../db/admin-users.repo.ts';
import { userSearchTerms } from '../domain/admin-search.ts';
import type { IdentityDeps } from './deps.ts';
import type { AdminUserQuery } from './schemas.ts';
import { toAdminUserView, type AdminUserView } from './user-view.ts';

/** The back office's user list: newest first, by name/email/phone substring, role and status. */
export function makeListUsersForAdmin({ platform }: IdentityDeps) {
  return async function listUsersForAdminUseCase(query: AdminUserQuery): Promise<Page<AdminUserView>> {
    const page = pageRequest(query);
    const terms = userSearchTerms(query.q);
    const rows = await listUsersForAdmin(
      platform.database.db,
      { text: terms?.text, phoneDigits: terms?.phoneDigits, role: query.role, status: query.status },
      page,
    );
    return toCreatedAtPage(rows, page.limit, toAdminUserView);
  };
}
