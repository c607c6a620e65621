import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { settlementsApi, type Settlement, type SettlementPreview, type SettlementRun } from '../api/settlements.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { ErrorNotice, SuccessNotice } from '../ui/feedback.tsx';
import { SubmitButton, TextField } from '../ui/form.tsx';
import { SettlementLines, usePeriodLabel } from '../ui/settlement-lines.tsx';
import { useAction } from '../ui/use-async.ts';
import { shortId } from './format.ts';
import { settlementMessages } from './settlement-messages.ts';
import { periodErrors, periodOf, previousWeek, type PeriodDays } from './settlement-period.ts';
import './settlements.css';

// Running a settlement: pick the period (Seoul days, the last whole week by default), preview what each
// caregiver would get (nothing is written), confirm, run; the settlements created link to their pages.

interface Shown {
  readonly days: PeriodDays;
  readonly items: readonly SettlementPreview[];
}

const sum = (items: readonly { netAmount: number }[]) => items.reduce((total, s) => total + s.netAmount, 0);

export function SettlementRunPanel({ onRun, now = () => new Date() }: { onRun(run: SettlementRun): void; now?: () => Date }) {
  const m = useMessages(settlementMessages).settlements.run;
  const c = useMessages(common);
  const f = useFormat();
  const [days, setDays] = useState<PeriodDays>(() => previousWeek(now()));
  const [errors, setErrors] = useState<{ start?: string; end?: string }>({});
  const [preview, setPreview] = useState<Shown>();
  const [confirming, setConfirming] = useState(false);
  const [created, setCreated] = useState<{ run: SettlementRun; items: readonly Settlement[]; changed: boolean }>();
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  const previewAction = useAction(async (picked: PeriodDays) => {
    const answer = await settlementsApi.preview(periodOf(picked));
    setPreview({ days: picked, items: answer.items });
  });
  const runAction = useAction(async (shown: Shown) => {
    const answer = await settlementsApi.run(periodOf(shown.days));
    const changed = answer.items.length !== shown.items.length || sum(answer.items) !== sum(shown.items);
    setCreated({ ...answer, changed });
    setConfirming(false);
    setPreview(undefined);
    onRun(answer.run);
  });
  const problem = previewAction.problem ?? runAction.problem;

  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const change = (key: keyof PeriodDays) => (event: { target: { value: string } }) => {
    setDays((d) => ({ ...d, [key]: event.target.value }));
    setPreview(undefined);
    setConfirming(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    setConfirming(false);
    const found = periodErrors(days, now());
    const messages = { ...(found.start ? { start: m.errors[found.start] } : {}), ...(found.end ? { end: m.errors[found.end] } : {}) };
    setErrors(messages);
    if (found.start || found.end) {
      previewAction.reset();
      setPreview(undefined);
      return focusFirstInvalid();
    }
    await previewAction.run(days);
    focusFirstInvalid();
  };
  const hasFieldErrors = Boolean(errors.start || errors.end || problem?.errors?.length);

  return (
    <section className="card stack" aria-labelledby="settlement-run-title">
      <h2 id="settlement-run-title">{m.title}</h2>
      <p className="muted">{m.intro}</p>
      <form ref={formRef} className="admin-filters settlement-run-form" onSubmit={submit} noValidate aria-label={m.title}>
        {hasFieldErrors && (
          <div className="notice notice-error admin-filter-actions" role="alert">
            <p>{m.checkFields}</p>
          </div>
        )}
        <TextField label={m.start} name="periodStart" type="date" required value={days.start} onChange={change('start')} error={errors.start} problem={problem} />
        <TextField label={m.end} name="periodEnd" type="date" required value={days.end} onChange={change('end')} error={errors.end} problem={problem} hint={m.endHint} />
        <div className="row admin-filter-actions">
          <SubmitButton pending={previewAction.pending} pendingLabel={c.states.loading}>
            {m.preview}
          </SubmitButton>
        </div>
      </form>
      {problem && !problem.errors?.length && <ErrorNotice problem={problem} />}
      {created && <RunResult created={created} />}
      {preview && (
        <PreviewResult
          shown={preview}
          confirming={confirming}
          confirmRef={confirmRef}
          pending={runAction.pending}
          onExecute={() => {
            setConfirming(true);
            requestAnimationFrame(() => confirmRef.current?.querySelector<HTMLElement>('button')?.focus());
          }}
          onConfirm={() => void runAction.run(preview)}
          onBack={() => setConfirming(false)}
          formatTotal={(items) => f.krw(sum(items))}
        />
      )}
    </section>
  );
}

function PreviewResult({
  shown,
  confirming,
  confirmRef,
  pending,
  onExecute,
  onConfirm,
  onBack,
  formatTotal,
}: {
  shown: Shown;
  confirming: boolean;
  confirmRef: RefObject<HTMLDivElement | null>;
  pending: boolean;
  onExecute(): void;
  onConfirm(): void;
  onBack(): void;
  formatTotal(items: readonly SettlementPreview[]): string;
}) {
  const m = useMessages(settlementMessages).settlements;
  const c = useMessages(common);
  const f = useFormat();
  const periodLabel = usePeriodLabel();
  const { items } = shown;
  return (
    <section className="stack" aria-labelledby="settlement-preview-title">
      <h3 id="settlement-preview-title">{m.run.previewTitle}</h3>
      {items.length === 0 ? (
        <p className="empty">{m.run.previewEmpty}</p>
      ) : (
        <>
          <p>
            <strong>{m.run.previewTotals(items.length, formatTotal(items))}</strong>
          </p>
          {items.map((s) => (
            <details key={s.caregiverId} className="card settlement-preview-item">
              <summary>
                {s.caregiverName} · {m.columns.lines} {s.lines.length} · {m.columns.gross} {f.krw(s.grossAmount)} · {m.columns.commission} {f.krw(s.commissionAmount)} · {m.columns.net}{' '}
                <strong>{f.krw(s.netAmount)}</strong>
              </summary>
              <SettlementLines
                lines={s.lines}
                period={`${s.caregiverName}, ${periodLabel(s.periodStart, s.periodEnd)}`}
                totals={s}
                reservationHref={(id) => `/admin/reservations/${encodeURIComponent(id)}`}
              />
            </details>
          ))}
          {confirming ? (
            <div ref={confirmRef} className="notice notice-info" role="alertdialog" aria-labelledby="settlement-confirm-title" aria-describedby="settlement-confirm-body">
              <h3 id="settlement-confirm-title">{m.run.confirmTitle}</h3>
              <p id="settlement-confirm-body">{m.run.confirmBody(items.length, formatTotal(items))}</p>
              <div className="row">
                <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
                  {pending ? c.states.saving : m.run.confirm}
                </button>
                <button type="button" className="btn btn-secondary" onClick={onBack} disabled={pending}>
                  {m.run.back}
                </button>
              </div>
            </div>
          ) : (
            <div>
              <button type="button" className="btn btn-primary" onClick={onExecute}>
                {m.run.execute}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function RunResult({ created }: { created: { run: SettlementRun; items: readonly Settlement[]; changed: boolean } }) {
  const m = useMessages(settlementMessages).settlements;
  const f = useFormat();
  return (
    <div className="stack">
      <SuccessNotice>{m.run.done(created.items.length)}</SuccessNotice>
      {created.changed && created.items.length > 0 && <p className="notice notice-info">{m.run.changed}</p>}
      {created.items.length > 0 && (
        <section aria-labelledby="settlement-created-title">
          <h3 id="settlement-created-title">{m.run.createdTitle}</h3>
          <ul className="plain-list">
            {created.items.map((s) => (
              <li key={s.id}>
                <Link to={`/admin/settlements/${encodeURIComponent(s.id)}`} title={s.id}>
                  {m.view(shortId(s.id))}
                </Link>{' '}
                · {s.caregiverName} · {f.krw(s.netAmount)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
