import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// `npm ci` runs this (postinstall): the web app is built into web/dist once, at install, so the first `npm start`
// of a fresh clone does not build it while it creates the database (decision 0031). Nothing to do where the
// sources are not there yet (the Docker image installs dependencies first and builds the web app in a later step)
// or where web/dist is up to date. It never fails the install: `npm start` builds a missing web app itself.

const root = resolve(import.meta.dirname, '..');
if (existsSync(resolve(root, 'web', 'index.html')) && existsSync(resolve(root, 'src', 'web-assets.ts'))) {
  try {
    const { pino } = await import('pino');
    const { ensureWebAssets } = await import('../src/web-assets.ts');
    if (!(await ensureWebAssets(pino({ level: 'info' })))) console.warn('web app not built now: `npm start` will build it');
  } catch (error) {
    console.warn(`web app not built now (${String(error)}): \`npm start\` will build it`);
  }
}
