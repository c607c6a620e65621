import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { IdentityUseCases } from '../app/use-cases.ts';
import { LoginBody, LoginHeaders, Me, RefreshBody, SignedUpUser, SignupBody, TokenPairSchema, UpdateMeBody } from './schemas.ts';
import type { VerifiedActor } from '../app/verify-access-token.ts';

const tags = ['identity'];

export function identityRoutes(app: FastifyInstance, useCases: IdentityUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/auth/signup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Create an account', body: SignupBody, response: { 201: SignedUpUser } },
    },
    async (request, reply) => {
      const user = await useCases.signup(request.body);
      return reply.status(201).send(user);
    },
  );

  api.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in',
        description:
          'Wrong email and wrong password give the same 401 INVALID_CREDENTIALS. Throttling (429 TOO_MANY_ATTEMPTS with ' +
          'Retry-After; decision 0020): after LOGIN_MAX_FAILURES failures of one email from one address each further ' +
          'attempt from that pair waits 2, 4, 8... seconds; one address gets at most LOGIN_MAX_FAILURES_PER_ADDRESS ' +
          'failures (any emails) per window; one email at most LOGIN_MAX_FAILURES_PER_EMAIL (any addresses), a ceiling ' +
          'that does not apply to a login sending a device token of that account (X-Device-Token, returned by an ' +
          'earlier login as deviceToken). Right password of a suspended account: 403 ACCOUNT_SUSPENDED.',
        headers: LoginHeaders,
        body: LoginBody,
        response: { 200: TokenPairSchema },
      },
    },
    async (request, reply) => {
      try {
        return await useCases.login({ ...request.body, ip: request.ip, deviceToken: request.headers['x-device-token'] });
      } catch (error) {
        const retry = (error as { extra?: { retryAfterSeconds?: number } }).extra?.retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
        throw error;
      }
    },
  );

  api.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new pair',
        description:
          'Refresh tokens rotate; presenting a used one ends the whole session (401 REFRESH_TOKEN_REUSED): its refresh ' +
          'tokens, every access token of it (401 TOKEN_REVOKED) and its WebSockets (closed 4401 "session revoked").',
        body: RefreshBody,
        response: { 200: TokenPairSchema },
      },
    },
    async (request) => useCases.refresh(request.body.refreshToken),
  );

  api.post(
    '/auth/logout',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Sign out: the session ends (its refresh tokens, every access token of it, its sockets)' },
    },
    async (request, reply) => {
      await useCases.logout(actorOf(request) as VerifiedActor);
      return reply.status(204).send();
    },
  );

  api.get(
    '/users/me',
    { config: { access: 'user' }, schema: { tags, summary: 'My account', response: { 200: Me } } },
    async (request) => useCases.getMyAccount(actorOf(request).userId),
  );

  api.patch(
    '/users/me',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Change my name, phone, language or Slack id', body: UpdateMeBody, response: { 200: Me } },
    },
    async (request) => useCases.updateMyAccount(actorOf(request).userId, request.body),
  );

  api.delete(
    '/users/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Withdraw: personal data is anonymised and every token stops working',
        description: '409 ACTIVE_RESERVATIONS while the user has reservations not yet finished.',
      },
    },
    async (request, reply) => {
      await useCases.withdraw(actorOf(request).userId);
      return reply.status(204).send();
    },
  );
}
