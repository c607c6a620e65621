import { api, call } from '../api/client.ts';
import type { Json, Query } from '../api/types.ts';
import type { AdminStats } from './admin-api.ts';

// The admin users, audit log and period stats calls (issue 11), typed by the generated client.

export type AdminUserPage = Json<'/api/v1/admin/users', 'get'>;
export type AdminUser = AdminUserPage['items'][number];
export type UserRole = AdminUser['role'];
export type UserStatus = AdminUser['status'];
export const USER_ROLES: readonly UserRole[] = ['GUARDIAN', 'CAREGIVER', 'ADMIN'];
export const USER_STATUSES: readonly UserStatus[] = ['ACTIVE', 'SUSPENDED', 'WITHDRAWN'];

export type AdminUserDetail = Json<'/api/v1/admin/users/{id}', 'get'>;
export type AuditPage = Json<'/api/v1/admin/audit-log', 'get'>;
export type AuditEntry = AuditPage['items'][number];

/** GET /admin/stats answers the all-time figures and the period's series in one body. */
export type PeriodStats = AdminStats;
export type Granularity = PeriodStats['period']['granularity'];
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
export type StatsBucket = PeriodStats['series'][number];

export type UserQuery = Omit<Query<'/api/v1/admin/users'>, 'limit'>;
export type AuditQuery = Omit<Query<'/api/v1/admin/audit-log'>, 'limit'>;
export type StatsQuery = Query<'/api/v1/admin/stats'>;

export const USERS_PAGE_SIZE = 20;

export const usersApi = {
  users: (query: UserQuery) => call(api.GET('/api/v1/admin/users', { params: { query: { limit: USERS_PAGE_SIZE, ...query } } })),
  user: (id: string) => call(api.GET('/api/v1/admin/users/{id}', { params: { path: { id } } })),
  suspend: (id: string, reason: string) => call(api.POST('/api/v1/admin/users/{id}/suspend', { params: { path: { id } }, body: { reason } })),
  unsuspend: (id: string, reason: string) => call(api.POST('/api/v1/admin/users/{id}/unsuspend', { params: { path: { id } }, body: reason ? { reason } : {} })),
  auditLog: (query: AuditQuery) => call(api.GET('/api/v1/admin/audit-log', { params: { query: { limit: USERS_PAGE_SIZE, ...query } } })),
  stats: (query: StatsQuery) => call(api.GET('/api/v1/admin/stats', { params: { query } })),
};
