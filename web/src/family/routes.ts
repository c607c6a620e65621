import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';
import { FamilyHomePage } from './home-page.tsx';

// The family (GUARDIAN) area. The home page is part of the first load; every other page loads lazily.
const CaregiverPage = lazy(() => import('./caregiver-page.tsx').then((m) => ({ default: m.CaregiverPage })));
const BookingPage = lazy(() => import('./booking-page.tsx').then((m) => ({ default: m.BookingPage })));
const ReservationsPage = lazy(() => import('./reservations-page.tsx').then((m) => ({ default: m.ReservationsPage })));
const ReservationPage = lazy(() => import('./reservation-page.tsx').then((m) => ({ default: m.ReservationPage })));
const CheckoutPage = lazy(() => import('./checkout-page.tsx').then((m) => ({ default: m.CheckoutPage })));
const PaymentSuccessPage = lazy(() => import('./payment-success-page.tsx').then((m) => ({ default: m.PaymentSuccessPage })));
const RequestPage = lazy(() => import('./request-page.tsx').then((m) => ({ default: m.RequestPage })));
const PaymentFailPage = lazy(() => import('./payment-fail-page.tsx').then((m) => ({ default: m.PaymentFailPage })));

export const familyRoutes: readonly RouteDef[] = [
  { path: '/', page: FamilyHomePage },
  { path: '/caregivers/:id', page: CaregiverPage },
  { path: '/request', page: RequestPage },
  { path: '/book/:caregiverId', roles: ['GUARDIAN'], page: BookingPage },
  { path: '/reservations', roles: ['GUARDIAN'], page: ReservationsPage },
  { path: '/reservations/:id', roles: ['GUARDIAN', 'ADMIN'], page: ReservationPage },
  { path: '/checkout/:reservationId', roles: ['GUARDIAN'], page: CheckoutPage },
  { path: '/payments/success', roles: ['GUARDIAN'], page: PaymentSuccessPage },
  { path: '/payments/fail', roles: ['GUARDIAN'], page: PaymentFailPage },
];
