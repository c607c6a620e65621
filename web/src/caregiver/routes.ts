import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

const CaregiverHomePage = lazy(() => import('./home-page.tsx').then((m) => ({ default: m.CaregiverHomePage })));
const CaregiverProfilePage = lazy(() => import('./profile-page.tsx').then((m) => ({ default: m.CaregiverProfilePage })));
const CaregiverRequestsPage = lazy(() => import('./requests-page.tsx').then((m) => ({ default: m.CaregiverRequestsPage })));
const CaregiverSchedulePage = lazy(() => import('./schedule-page.tsx').then((m) => ({ default: m.CaregiverSchedulePage })));
const CaregiverReservationPage = lazy(() => import('./reservation-page.tsx').then((m) => ({ default: m.CaregiverReservationPage })));
const CaregiverEarningsPage = lazy(() => import('./earnings-page.tsx').then((m) => ({ default: m.CaregiverEarningsPage })));

// The caregiver area, loaded only when a caregiver opens it.
export const caregiverRoutes: readonly RouteDef[] = [
  { path: '/caregiver', roles: ['CAREGIVER'], page: CaregiverHomePage },
  { path: '/caregiver/profile', roles: ['CAREGIVER'], page: CaregiverProfilePage },
  { path: '/caregiver/requests', roles: ['CAREGIVER'], page: CaregiverRequestsPage },
  { path: '/caregiver/schedule', roles: ['CAREGIVER'], page: CaregiverSchedulePage },
  { path: '/caregiver/reservations/:id', roles: ['CAREGIVER'], page: CaregiverReservationPage },
  { path: '/caregiver/earnings', roles: ['CAREGIVER'], page: CaregiverEarningsPage },
];
