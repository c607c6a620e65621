import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { AiApi } from '../contract.ts';
import { TranslationBody, TranslationOut } from './schemas.ts';

export function translationRoutes(app: FastifyInstance, ai: AiApi): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/ai/translations',
    {
      config: { access: 'user' },
      schema: {
        tags: ['ai'],
        summary: 'Translate a text',
        description:
          'Translates `text` (1-5000 characters) into `targetLanguage` (ISO 639-1) with the configured AI provider. ' +
          "Text already in the target language (detected from its script when `sourceLanguage` is absent) comes back as is with provider 'none'. " +
          'Each text is translated once per target language (shared cache); calls that reach the provider are limited per user ' +
          '(AI_RATE_LIMIT, default 60 a minute): 429 AI_RATE_LIMITED with Retry-After. No provider configured (AI_PROVIDER=rules), ' +
          'or the provider failing or timing out: 503 AI_UNAVAILABLE (show the original). The text is sent to the provider named in ' +
          'the answer (a cross-border transfer for Gemini and OpenAI).',
        body: TranslationBody,
        response: { 200: TranslationOut },
      },
    },
    async (request) => ai.translate({ ...request.body, userId: actorOf(request).userId }),
  );
}
