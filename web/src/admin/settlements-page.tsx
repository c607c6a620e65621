import { useState, type FormEvent } from 'react';
import { SETTLEMENT_STATUSES, settlementsApi, type AdminSettlementQuery, type Settlement, type SettlementStatus } from '../api/settlements.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { nextDay, seoulDay, seoulDayStart } from '../i18n/seoul-time.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { SelectField, TextField } from '../ui/form.tsx';
import { Badge, Page } from '../ui/page.tsx';
import { settlementTone, usePeriodLabel } from '../ui/settlement-lines.tsx';
import { shortId } from './format.ts';
import { LiveTable } from './live-table.tsx';
import { messages } from './messages.ts';
import { SettlementRunPanel } from './settlement-run-panel.tsx';
import { settlementMessages } from './settlement-messages.ts';
import { usePagedList, type PagedList } from './use-paged-list.ts';
import './admin.css';

// Settlements: run one for a period (preview first), then the list with filters kept in the address
// (?status=&caregiverId=&from=&to=, Seoul days, inclusive), cursor pages, and the CSV of the same filters.

const PATH = '/admin/settlements';
const KEYS = ['status', 'caregiverId', 'from', 'to'] as const;
type Filters = Record<(typeof KEYS)[number], string>;

function filtersOf(query: URLSearchParams): Filters {
  return { status: query.get('status') ?? '', caregiverId: query.get('caregiverId') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '' };
}

function searchOf(filters: Filters): string {
  const query = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) query.set(key, filters[key].trim());
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The API query: whole Seoul days become instants (from 00:00 of the first day to 00:00 after the last). */
export function settlementQueryOf(filters: Filters): AdminSettlementQuery {
  return {
    ...(filters.status ? { status: filters.status as SettlementStatus } : {}),
    ...(filters.caregiverId.trim() ? { caregiverId: filters.caregiverId.trim() } : {}),
    ...(filters.from ? { from: seoulDayStart(filters.from) } : {}),
    ...(filters.to ? { to: seoulDayStart(nextDay(filters.to)) } : {}),
  };
}

export function AdminSettlementsPage() {
  const c = useMessages(common);
  const { query } = useLocation();
  const filters = filtersOf(query);
  const key = searchOf(filters);
  const list = usePagedList<Settlement>((cursor) => settlementsApi.list({ ...settlementQueryOf(filters), ...(cursor ? { cursor } : {}) }), key);
  return (
    <Page title={c.nav.adminSettlements} wide>
      <div className="stack">
        <SettlementRunPanel onRun={list.reload} />
        <SettlementList filters={filters} filterKey={key} list={list} />
      </div>
    </Page>
  );
}

const NO_LIVE = { highlighted: new Set<string>(), announcement: '', hasNew: false, refresh: () => {} };

function SettlementList({ filters, filterKey, list }: { filters: Filters; filterKey: string; list: PagedList<Settlement> }) {
  const m = useMessages(settlementMessages).settlements;
  const f = useFormat();
  const periodLabel = usePeriodLabel(true);
  return (
    <section className="stack" aria-labelledby="settlement-list-title">
      <div className="row review-head">
        <h2 id="settlement-list-title">{m.list.title}</h2>
        <CsvButton filters={filters} />
      </div>
      <SettlementFilters key={filterKey} values={filters} />
      <LiveTable<Settlement>
        list={list}
        caption={m.list.caption}
        empty={m.list.empty}
        newLabel=""
        live={NO_LIVE}
        head={
          <tr>
            <th scope="col">{m.columns.id}</th>
            <th scope="col">{m.columns.caregiver}</th>
            <th scope="col">{m.columns.period}</th>
            <th scope="col" className="num">{m.columns.lines}</th>
            <th scope="col" className="num">{m.columns.gross}</th>
            <th scope="col" className="num">{m.columns.commission}</th>
            <th scope="col" className="num">{m.columns.net}</th>
            <th scope="col">{m.columns.status}</th>
            <th scope="col">{m.columns.paidAt}</th>
          </tr>
        }
        row={(s) => (
          <tr key={s.id}>
            <td>
              <Link to={`${PATH}/${encodeURIComponent(s.id)}`} title={s.id}>
                {shortId(s.id)}
              </Link>
            </td>
            <td>
              {s.caregiverName} <code className="muted">{shortId(s.caregiverId)}</code>
            </td>
            <td>{periodLabel(s.periodStart, s.periodEnd)}</td>
            <td className="num">{f.number(s.lines.length)}</td>
            <td className="num">{f.krw(s.grossAmount)}</td>
            <td className="num">{f.krw(s.commissionAmount)}</td>
            <td className="num">{f.krw(s.netAmount)}</td>
            <td>
              <Badge tone={settlementTone(s.status)}>{m.status[s.status]}</Badge>
            </td>
            <td>{s.paidAt ? f.date(s.paidAt) : '–'}</td>
          </tr>
        )}
      />
    </section>
  );
}

function SettlementFilters({ values }: { values: Filters }) {
  const a = useMessages(messages).filters;
  const m = useMessages(settlementMessages).settlements;
  const [draft, setDraft] = useState(values);
  const [rangeError, setRangeError] = useState<string>();
  const [open, setOpen] = useState(() => Boolean(searchOf(values)) || (globalThis.matchMedia?.('(min-width: 40rem)').matches ?? true));
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) return setRangeError(a.toBeforeFrom);
    setRangeError(undefined);
    navigate(`${PATH}${searchOf(draft)}`, { replace: true });
  };
  const clear = () => {
    setDraft(filtersOf(new URLSearchParams()));
    setRangeError(undefined);
    navigate(PATH, { replace: true });
  };
  return (
    <details className="card admin-filters-box" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{a.legend}</summary>
      <form className="admin-filters" onSubmit={submit} aria-label={a.legend} noValidate>
        <SelectField
          label={a.status}
          name="status"
          value={draft.status}
          onChange={set('status')}
          options={[{ value: '', label: a.any }, ...SETTLEMENT_STATUSES.map((s) => ({ value: s, label: m.status[s] }))]}
        />
        <TextField label={a.caregiverId} name="caregiverId" value={draft.caregiverId} onChange={set('caregiverId')} autoComplete="off" />
        <TextField label={a.from} name="from" type="date" value={draft.from} onChange={set('from')} hint={m.list.rangeHint} />
        <TextField label={a.to} name="to" type="date" value={draft.to} onChange={set('to')} error={rangeError} />
        <div className="row admin-filter-actions">
          <button type="submit" className="btn btn-primary">
            {a.apply}
          </button>
          <button type="button" className="btn btn-secondary" onClick={clear}>
            {a.clear}
          </button>
        </div>
      </form>
    </details>
  );
}

/** Fetches the CSV with the bearer token (a plain link would carry none) and saves it through a blob link. */
function CsvButton({ filters }: { filters: Filters }) {
  const m = useMessages(settlementMessages).settlements.list;
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setPending(true);
    setFailed(false);
    try {
      const url = await settlementsApi.exportCsv(settlementQueryOf(filters));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `settlements-${seoulDay(new Date()).replaceAll('-', '')}.csv`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="row">
      <button type="button" className="btn btn-secondary" onClick={() => void download()} disabled={pending} aria-busy={pending || undefined}>
        {m.csv}
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {m.csvFailed}
        </p>
      )}
    </div>
  );
}
