import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import type { usePages } from './use-pages.ts';

type Pages = Pick<ReturnType<typeof usePages>, 'cursor' | 'loadMore' | 'loadingMore' | 'moreProblem'>;

/** The foot of a paged list (usePages): why the last "더 보기" failed, and the button for the next page. */
export function MorePages({ pages }: { pages: Pages }) {
  const c = useMessages(common);
  return (
    <>
      <ErrorNotice problem={pages.moreProblem} />
      {pages.cursor && (
        <button type="button" className="btn btn-secondary" onClick={() => void pages.loadMore()} disabled={pages.loadingMore}>
          {c.actions.more}
        </button>
      )}
    </>
  );
}
