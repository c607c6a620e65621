import type { Actor } from '../../../platform/access.ts';
import { withIdempotencyKey } from '../../../platform/idempotency.ts';
import { makeCreateReservation, type CreateReservationInput } from './create-reservation.ts';
import type { ReservationsDeps } from './deps.ts';
import { makeGetReservation } from './get-reservation.ts';
import type { ReservationView } from './view.ts';

/**
 * POST /reservations with its `Idempotency-Key` (scoped to the guardian and the route): the same key and body
 * answer the first reservation again (201, the reservation as it is now) instead of booking twice; the same key
 * with another body is 422 IDEMPOTENCY_KEY_REUSED. Only the id is kept with the key, so the patient's
 * details never sit unencrypted in the idempotency store.
 */
export function makeCreateReservationOnce(deps: ReservationsDeps) {
  const createReservation = makeCreateReservation(deps);
  const getReservation = makeGetReservation(deps);
  const { platform } = deps;
  return async function createReservationOnce(
    actor: Actor,
    input: CreateReservationInput,
    idempotencyKey: string | undefined,
  ): Promise<{ reservation: ReservationView; replayed: boolean }> {
    let created: ReservationView | undefined;
    const result = await withIdempotencyKey(
      platform.database.db,
      platform.clock,
      { scope: `POST /reservations ${actor.userId}`, key: idempotencyKey, body: input },
      async () => {
        created = await createReservation(actor.userId, input);
        return { statusCode: 201, body: { id: created.id } };
      },
    );
    const reservation = created ?? (await getReservation(actor, (result.body as { id: string }).id));
    return { reservation, replayed: result.replayed };
  };
}
