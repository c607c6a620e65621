// Which real services this test run has. On a laptop a missing service skips its suites with a reason;
// with CI=true a missing service is a failure, never a skip.

export const inCi = process.env.CI === 'true';

export function serviceUrl(name: 'DATABASE_URL' | 'REDIS_URL' | 'KAFKA_BROKERS'): string | undefined {
  const value = process.env[name]?.trim();
  if (value) return value;
  if (inCi) throw new Error(`${name} must be set when CI=true: the suites that need it may not skip in CI`);
  console.warn(`[tests] ${name} is not set: suites that need it are skipped`);
  return undefined;
}
