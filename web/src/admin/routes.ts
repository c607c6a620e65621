import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

const AdminHomePage = lazy(() => import('./home-page.tsx').then((m) => ({ default: m.AdminHomePage })));
const AdminCaregiversPage = lazy(() => import('./caregivers-page.tsx').then((m) => ({ default: m.AdminCaregiversPage })));
const AdminReservationsPage = lazy(() => import('./reservations-page.tsx').then((m) => ({ default: m.AdminReservationsPage })));
const AdminReservationDetailPage = lazy(() => import('./reservation-detail-page.tsx').then((m) => ({ default: m.AdminReservationDetailPage })));
const AdminPaymentsPage = lazy(() => import('./payments-page.tsx').then((m) => ({ default: m.AdminPaymentsPage })));

// The admin area, loaded only when an admin opens it.
export const adminRoutes: readonly RouteDef[] = [
  { path: '/admin', roles: ['ADMIN'], page: AdminHomePage },
  { path: '/admin/caregivers', roles: ['ADMIN'], page: AdminCaregiversPage },
  { path: '/admin/reservations', roles: ['ADMIN'], page: AdminReservationsPage },
  { path: '/admin/reservations/:id', roles: ['ADMIN'], page: AdminReservationDetailPage },
  { path: '/admin/payments', roles: ['ADMIN'], page: AdminPaymentsPage },
];
