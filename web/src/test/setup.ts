import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor give up after 1 s by default. `npm test` runs these beside the server suites, whose child
// processes and databases load both cores: a component re-rendering after a stubbed fetch then took longer than
// that now and then (user-detail-page's 409 alert failed once in CI). A wait ceiling, not a timing assertion.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
