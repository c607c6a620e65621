import type { Logger } from 'pino';

/**
 * SIGINT/SIGTERM: runs `close` once (drain HTTP, then the pools), then exits 0; exits 1 when it fails or has
 * not finished within 15 s. The server, a split service and the gateway stop the same way.
 */
export function closeOnSignals(logger: Logger, message: string, close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, message);
    setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
