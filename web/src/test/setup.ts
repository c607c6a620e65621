import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom does no layout, so it has no scrolling: Element.scrollIntoView is missing and window.scrollTo only
// reports "Not implemented". The app scrolls on the next animation frame (the search results' jump), which
// may run while a test's tree is still mounted; give both the browser's shape as no-ops so that frame cannot
// throw outside any test.
Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  localStorage.clear();
});
