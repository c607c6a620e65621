import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Page } from '../ui/page.tsx';

export function AdminHomePage() {
  const m = useMessages(common);
  return <Page title={m.nav.adminHome}>{null}</Page>;
}
