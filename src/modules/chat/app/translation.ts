import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import type { Poller } from '../../../platform/poller.ts';
import { CHAT_EVENTS } from '../contract.ts';
import {
  addTranslation,
  claimTranslationJobs,
  deleteTranslationJob,
  findMessageById,
  findRoom,
  insertTranslationJob,
  translationSetting,
  type TranslationJobRow,
} from '../db/chat.repo.ts';
import type { ChatDeps } from './deps.ts';
import { baseLanguage } from './view.ts';

// Background translation of chat messages for their reader. The consumer only records a job (no calls
// out of an inbox transaction); the poller works jobs off outside transactions: it decides with the
// reader's language and the sender's setting as they are now, asks ai.translate (cached per text and
// language, rate-limited per user), stores the translation and pushes `chat.translation` to the reader.

const BATCH = 20;
const MAX_BATCHES_PER_RUN = 20; // as reservations/app/timers.ts: at most 400 jobs per run
const LEASE_MS = 15_000;
const MAX_ATTEMPTS = 5;

/** "chat.translate": a message that may need translating, when a provider that translates is configured. */
export function makeTranslateConsumer(deps: ChatDeps, worker: () => Poller): EventConsumer {
  return defineConsumer({
    name: 'chat.translate',
    events: [CHAT_EVENTS.messageSent],
    async handle(event, tx) {
      // Phrases are shown in every language already; without a provider nothing can be translated.
      if (event.payload.phraseId !== null || !deps.ai.translationProvider) return;
      await insertTranslationJob(tx, { messageId: event.payload.messageId, readerId: event.payload.recipientId }, deps.platform.clock.now());
      worker().kick();
    },
  });
}

export function makeTranslationWorker(deps: ChatDeps): Poller<number> {
  const { platform, ai, identity } = deps;
  const db = platform.database.db;
  const done = (job: TranslationJobRow) => inTransaction(db, (tx) => deleteTranslationJob(tx, job.message_id, job.reader_id));

  async function work(job: TranslationJobRow): Promise<void> {
    const message = await findMessageById(db, job.message_id);
    const [reader] = await identity.findUsers([job.reader_id]);
    const target = baseLanguage(reader?.preferredLanguage);
    const wanted =
      message !== undefined &&
      message.phrase_id === null &&
      reader?.status !== 'WITHDRAWN' &&
      target !== '' &&
      target !== baseLanguage(message.language) &&
      message.translations[target] === undefined &&
      ai.translationProvider !== undefined &&
      ((await translationSetting(db, message.sender_id)) ?? true);
    if (!message || !wanted) return done(job);
    try {
      const translated = await ai.translate({ text: message.text, targetLanguage: target, sourceLanguage: message.language, userId: job.reader_id });
      await inTransaction(db, async (tx) => {
        await addTranslation(tx, message.id, target, translated.text);
        await deleteTranslationJob(tx, job.message_id, job.reader_id);
      });
      const room = await findRoom(db, message.room_id);
      if (room) await platform.realtime.toUsers([job.reader_id], { type: 'chat.translation', roomId: room.id, messageId: message.id, language: target, text: translated.text });
    } catch (error) {
      // Left for the lease to expire (a later try), up to MAX_ATTEMPTS; the original is always there.
      platform.logger.warn({ err: error, messageId: job.message_id, attempt: job.attempts }, 'chat translation failed');
      if (job.attempts >= MAX_ATTEMPTS) await done(job);
    }
  }

  return platform.poller({
    name: 'chat.translations',
    intervalMs: 5_000,
    kickDelayMs: 25,
    async runOnce() {
      // A full batch means more may be due: keep going (bounded, so stop() is not held up), or a backlog
      // left after a burst would drain only one batch per interval (found by bench/chat.ts).
      let worked = 0;
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        const jobs = await inTransaction(db, (tx) => claimTranslationJobs(tx, platform.clock.now(), LEASE_MS, BATCH));
        for (const job of jobs) await work(job);
        worked += jobs.length;
        if (jobs.length < BATCH) break;
      }
      return worked;
    },
  });
}
