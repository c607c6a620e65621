import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

const AdminHomePage = lazy(() => import('./home-page.tsx').then((m) => ({ default: m.AdminHomePage })));
const AdminCaregiversPage = lazy(() => import('./caregivers-page.tsx').then((m) => ({ default: m.AdminCaregiversPage })));
const AdminReservationsPage = lazy(() => import('./reservations-page.tsx').then((m) => ({ default: m.AdminReservationsPage })));
const AdminReservationDetailPage = lazy(() => import('./reservation-detail-page.tsx').then((m) => ({ default: m.AdminReservationDetailPage })));
const AdminPaymentsPage = lazy(() => import('./payments-page.tsx').then((m) => ({ default: m.AdminPaymentsPage })));
const AdminSettlementsPage = lazy(() => import('./settlements-page.tsx').then((m) => ({ default: m.AdminSettlementsPage })));
const AdminSettlementDetailPage = lazy(() => import('./settlement-detail-page.tsx').then((m) => ({ default: m.AdminSettlementDetailPage })));
const AdminUsersPage = lazy(() => import('./users-page.tsx').then((m) => ({ default: m.AdminUsersPage })));
const AdminUserDetailPage = lazy(() => import('./user-detail-page.tsx').then((m) => ({ default: m.AdminUserDetailPage })));
const AdminAuditLogPage = lazy(() => import('./audit-log-page.tsx').then((m) => ({ default: m.AdminAuditLogPage })));
const AdminStatsPage = lazy(() => import('./stats-page.tsx').then((m) => ({ default: m.AdminStatsPage })));

// The admin area, loaded only when an admin opens it.
export const adminRoutes: readonly RouteDef[] = [
  { path: '/admin', roles: ['ADMIN'], page: AdminHomePage },
  { path: '/admin/caregivers', roles: ['ADMIN'], page: AdminCaregiversPage },
  { path: '/admin/reservations', roles: ['ADMIN'], page: AdminReservationsPage },
  { path: '/admin/reservations/:id', roles: ['ADMIN'], page: AdminReservationDetailPage },
  { path: '/admin/payments', roles: ['ADMIN'], page: AdminPaymentsPage },
  { path: '/admin/settlements', roles: ['ADMIN'], page: AdminSettlementsPage },
  { path: '/admin/settlements/:id', roles: ['ADMIN'], page: AdminSettlementDetailPage },
  { path: '/admin/users', roles: ['ADMIN'], page: AdminUsersPage },
  { path: '/admin/users/:id', roles: ['ADMIN'], page: AdminUserDetailPage },
  { path: '/admin/audit-log', roles: ['ADMIN'], page: AdminAuditLogPage },
  { path: '/admin/stats', roles: ['ADMIN'], page: AdminStatsPage },
];
