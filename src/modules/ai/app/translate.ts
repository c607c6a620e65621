import { createHash } from 'node:crypto';
import { AppError, invalid } from '../../../platform/errors.ts';
import type { Translation } from '../contract.ts';
import { findTranslation, saveTranslation } from '../db/translations.repo.ts';
import { detectLanguage, UNDETERMINED } from '../domain/language.ts';
import { AiProviderError } from '../providers/provider-errors.ts';
import type { AiDeps } from './deps.ts';
import { makeRateLimiter } from './rate-limit.ts';
import { LANGUAGE_CODE_PATTERN, TRANSLATION_MAX_LENGTH } from './schemas.ts';

// Translation for everyone (POST /ai/translations, reviews, chat): text already in the target language
// is answered as is; otherwise the shared cache (ai.translations, per SHA-256 of the text and the target
// language) answers, and only a miss reaches the provider, rate-limited per user. Without a provider, or
// when it fails or its circuit is open: 503 AI_UNAVAILABLE, and the reader sees the original.

export interface TranslateInput {
  readonly text: string;
  readonly targetLanguage: string;
  readonly sourceLanguage?: string;
  /** Who the call is for (rate limit): a user id, or `ip:<address>` for an anonymous reader. */
  readonly userId?: string;
}

const LANGUAGE = new RegExp(LANGUAGE_CODE_PATTERN);

export const aiUnavailable = (why: string): AppError =>
  new AppError('unavailable', 'AI_UNAVAILABLE', `Translation is not available ${why}. The original text is shown instead.`);

function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function check(input: TranslateInput): void {
  const errors = [];
  if (input.text.trim() === '' || input.text.length > TRANSLATION_MAX_LENGTH) errors.push({ field: 'text', message: `must hold 1 to ${TRANSLATION_MAX_LENGTH} characters, not only spaces` });
  if (!LANGUAGE.test(input.targetLanguage)) errors.push({ field: 'targetLanguage', message: 'must be an ISO 639-1 code like en' });
  if (input.sourceLanguage !== undefined && !LANGUAGE.test(input.sourceLanguage)) errors.push({ field: 'sourceLanguage', message: 'must be an ISO 639-1 code like ko' });
  if (errors.length > 0) throw invalid('The translation request is not valid', errors);
}

export function makeTranslate(deps: AiDeps) {
  const { platform, provider, settings, metrics, logger } = deps;
  const db = platform.database.db;
  const takeProviderCall = makeRateLimiter(deps);
  // Readers of one chat message often ask for the same translation at once: one provider call serves them.
  const inFlight = new Map<string, Promise<Translation>>();

  async function fromProvider(input: TranslateInput, key: { textHash: string; sourceLanguage: string }): Promise<Translation> {
    if (!provider) throw aiUnavailable('(no AI provider is configured)');
    let text: string;
    try {
      text = await provider.translate({ text: input.text, sourceLanguage: key.sourceLanguage, targetLanguage: input.targetLanguage });
    } catch (error) {
      const reason = error instanceof AiProviderError ? error.reason : 'unexpected';
      logger.warn({ provider: provider.name, reason, err: error instanceof AiProviderError ? undefined : error }, 'translation failed at the AI provider');
      throw aiUnavailable(`right now (${provider.name}: ${reason})`);
    }
    const translation = { text, sourceLanguage: key.sourceLanguage, targetLanguage: input.targetLanguage, provider: provider.name };
    await saveTranslation(db, {
      text_hash: key.textHash,
      target_language: input.targetLanguage,
      source_language: key.sourceLanguage,
      translated_text: text,
      provider: provider.name,
      created_at: platform.clock.now(),
    });
    return translation;
  }

  return async function translate(input: TranslateInput): Promise<Translation> {
    check(input);
    const sourceLanguage = input.sourceLanguage ?? detectLanguage(input.text);
    // Nothing to translate: already in the target language, or no letters at all (digits, emoji).
    if (sourceLanguage === input.targetLanguage || sourceLanguage === UNDETERMINED) {
      return { text: input.text, sourceLanguage, targetLanguage: input.targetLanguage, provider: 'none' };
    }
    const hash = textHash(input.text);
    const notBefore = new Date(platform.clock.now().getTime() - settings.translationCacheTtlMs);
    const cached = await findTranslation(db, { textHash: hash, targetLanguage: input.targetLanguage, notBefore });
    metrics.cache.inc({ result: cached ? 'hit' : 'miss' });
    if (cached) {
      return { text: cached.translated_text, sourceLanguage: cached.source_language, targetLanguage: input.targetLanguage, provider: cached.provider };
    }
    const flightKey = `${hash}:${input.targetLanguage}`;
    const running = inFlight.get(flightKey);
    if (running) return running;
    if (!provider) throw aiUnavailable('(no AI provider is configured)');
    // Counted only here, where the call really goes out: a cache hit or a shared call costs nothing.
    if (input.userId !== undefined) await takeProviderCall(input.userId);
    const call = fromProvider(input, { textHash: hash, sourceLanguage }).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, call);
    return call;
  };
}
