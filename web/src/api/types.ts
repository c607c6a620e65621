import type { paths } from './schema';

// Names for the request and response bodies of the generated schema, so screens say
// `Json<'/api/v1/reservations/{id}', 'get'>` instead of digging through `paths` by hand.

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON body of the 200 (or else 201) answer of `method path`. */
export type Json<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

/** The JSON request body of `method path`. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of `GET path`. */
export type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type User = Json<'/api/v1/users/me', 'get'>;
export type Role = User['role'];
export type CaregiverProfile = Json<'/api/v1/caregivers/{id}', 'get'>;
export type CaregiverCard = Json<'/api/v1/caregivers', 'get'>['items'][number];
export type Reservation = Json<'/api/v1/reservations/{id}', 'get'>;
export type Quote = Json<'/api/v1/quotes', 'get'>;
export type Notification = Json<'/api/v1/notifications', 'get'>['items'][number];
