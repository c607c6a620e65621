import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newSecret } from './ids.ts';

// Secrets not given in the environment are generated once and kept in DATA_DIR (mode 0600), so an
// embedded install keeps its tokens valid across restarts. Replicas must share them: set them in the
// environment when running more than one process.

export interface ResolvedSecret {
  readonly value: string;
  readonly source: 'environment' | 'file' | 'generated';
}

/** A secret kept in DATA_DIR by an earlier `resolveSecret`, or undefined: never generates one. */
export async function storedSecret(dataDir: string, fileName: string): Promise<string | undefined> {
  const existing = await readFile(join(dataDir, 'secrets', fileName), 'utf8').catch(() => undefined);
  return existing?.trim() || undefined;
}

export async function resolveSecret(given: string | undefined, dataDir: string, fileName: string): Promise<ResolvedSecret> {
  if (given) return { value: given, source: 'environment' };
  const dir = join(dataDir, 'secrets');
  const path = join(dir, fileName);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing?.trim()) return { value: existing.trim(), source: 'file' };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const value = newSecret(32);
  await writeFile(path, `${value}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await chmod(path, 0o600);
  const stored = (await readFile(path, 'utf8')).trim();
  return { value: stored, source: stored === value ? 'generated' : 'file' };
}
