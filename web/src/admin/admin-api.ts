import { api, call } from '../api/client.ts';
import type { Json, Query } from '../api/types.ts';

// Every API call of the admin screens, in one place, typed by the generated client.

export type ReservationStatus = Json<'/api/v1/reservations/{id}', 'get'>['status'];
export type AdminReservationPage = Json<'/api/v1/admin/reservations', 'get'>;
export type AdminReservation = AdminReservationPage['items'][number];
export type AdminReservationQuery = Query<'/api/v1/admin/reservations'>;
export type AdminCaregiver = Json<'/api/v1/admin/caregivers', 'get'>['items'][number];
export type CaregiverStatus = AdminCaregiver['status'];
export type CaregiverDocument = AdminCaregiver['documents'][number];
export type PaymentDetail = Json<'/api/v1/payments/{id}', 'get'>;

export const RESERVATION_STATUSES: readonly ReservationStatus[] = ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED'];
export const PAYMENT_STATUSES = ['READY', 'IN_PROGRESS', 'DONE', 'CANCELED', 'PARTIAL_CANCELED', 'ABORTED', 'EXPIRED'] as const;
export const CAREGIVER_STATUSES: readonly CaregiverStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'];

export type PaymentStatus = PaymentDetail['status'];

export type AdminStats = Json<'/api/v1/admin/stats', 'get'>;
export type AdminPaymentPage = Json<'/api/v1/admin/payments', 'get'>;
export type AdminPayment = AdminPaymentPage['items'][number];
export type AdminPaymentQuery = Query<'/api/v1/admin/payments'>;

export const PAGE_SIZE = 20;

export const adminApi = {
  stats: () => call(api.GET('/api/v1/admin/stats')),
  payments: (query: AdminPaymentQuery) => call(api.GET('/api/v1/admin/payments', { params: { query: { limit: PAGE_SIZE, ...query } } })),
  reservations: (query: AdminReservationQuery) => call(api.GET('/api/v1/admin/reservations', { params: { query: { limit: PAGE_SIZE, ...query } } })),
  reservation: (id: string) => call(api.GET('/api/v1/reservations/{id}', { params: { path: { id } } })),
  payment: (id: string) => call(api.GET('/api/v1/payments/{id}', { params: { path: { id } } })),
  caregivers: (status: CaregiverStatus, cursor?: string) =>
    call(api.GET('/api/v1/admin/caregivers', { params: { query: { status, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
  caregiver: (id: string) => call(api.GET('/api/v1/caregivers/{id}', { params: { path: { id } } })),
  approveCaregiver: (id: string) => call(api.POST('/api/v1/admin/caregivers/{id}/approve', { params: { path: { id } } })),
  rejectCaregiver: (id: string, reason: string) => call(api.POST('/api/v1/admin/caregivers/{id}/reject', { params: { path: { id } }, body: { reason } })),
  documentPath: (caregiverId: string, documentId: string) =>
    `/api/v1/admin/caregivers/${encodeURIComponent(caregiverId)}/documents/${encodeURIComponent(documentId)}`,
};
