import Fastify from 'fastify';

// The floor: Fastify answering the same JSON body from memory, no database, no validation.
const body = process.env.BENCH_BODY ?? '{}';
const app = Fastify({ logger: false });
app.get(process.env.BENCH_PATH ?? '/api/v1/caregivers', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
