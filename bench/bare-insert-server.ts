import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { RAW_INSERT } from './raw-insert.ts';

// The floor of a booking over HTTP: Fastify parsing the JSON body and doing the raw insert with a pool as
// large as the app's (10), answering 201 with the id. No token, validation, pricing, encryption, outbox,
// logging or consumers: what any HTTP API in front of this table costs on this machine.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.post<{ Body: { caregiverId: string; startAt: string; endAt: string } }>('/api/v1/reservations', async (request, reply) => {
  const id = randomUUID();
  const { caregiverId, startAt, endAt } = request.body;
  await pool.query(RAW_INSERT, [id, caregiverId, startAt, endAt]);
  return reply.code(201).send({ id });
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
