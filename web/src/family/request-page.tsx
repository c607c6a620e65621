import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { navigate, useLocation } from '../router.tsx';
import { TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { RegionPicker } from '../ui/regions.tsx';
import './family.css';
import './request.css';
import { requestMessages } from './request-messages.ts';
import { answersToUrl, withDraft, CONDITIONS, PLACES, resultsUrl, STEPS, stepProblems, type RequestAnswers, type StepProblem } from './request-model.ts';

// The guided request for families: one question per screen (condition, place, dates), progress shown, the
// answers and the step in the URL (the browser's back goes to the previous question), ending on the search
// results with the filters applied.

/** The control each problem belongs to (the first one gets the focus). */
const CONTROL_OF: Record<StepProblem, string> = {
  condition: 'condition',
  place: 'place',
  sido: 'sido',
  from: 'from',
  fromPast: 'from',
  to: 'to',
};

function RadioChoices<T extends string>({ name, legend, choices, labels, value, onChange, error }: { name: string; legend: string; choices: readonly T[]; labels: Record<T, string>; value: string; onChange(value: T): void; error?: string | undefined }) {
  return (
    <fieldset className="field request-choices" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {choices.map((choice) => (
        <label key={choice} className="request-choice">
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          <span>{labels[choice]}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The latest answers in this tab: the browser's back keeps an earlier step's URL, which lacks the later answers. */
let draft: RequestAnswers | undefined;

function RequestStep({ initial }: { initial: RequestAnswers }) {
  const m = useMessages(requestMessages).request;
  const [answers, setAnswers] = useState(initial);
  const [problems, setProblems] = useState<StepProblem[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = answers.step;
  const set = (patch: Partial<RequestAnswers>) =>
    setAnswers((a) => {
      draft = { ...a, ...patch };
      return draft;
    });
  const errorOf = (...kinds: StepProblem[]) => kinds.map((k) => (problems.includes(k) ? m.errors[k] : undefined)).find(Boolean);

  // A new step (not the first screen, where the page heading has the focus) moves the focus to its question.
  useEffect(() => {
    if (step > 1) heading.current?.focus({ preventScroll: false });
  }, [step]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = stepProblems(answers, step, new Date());
    setProblems(found);
    if (found.length > 0) {
      const first = form.current?.querySelector<HTMLElement>(`[name="${CONTROL_OF[found[0]!]}"]`);
      first?.focus();
      return;
    }
    // This step's answers go into its own history entry first, so the browser's back button finds them.
    navigate(`/request?${answersToUrl(answers)}`, { replace: true });
    if (step < STEPS) navigate(`/request?${answersToUrl({ ...answers, step: step + 1 })}`);
    else navigate(resultsUrl(answers));
  };

  return (
    <>
      <div className="request-progress">
        <progress value={step} max={STEPS} aria-labelledby="request-progress-text" />
        <p id="request-progress-text">{m.progress(step, STEPS)}</p>
      </div>
      <form ref={form} className="form card request-form" onSubmit={submit} noValidate>
        <h2 ref={heading} tabIndex={-1} className="request-question">
          {step === 1 ? m.condition.legend : step === 2 ? m.place.legend : m.dates.legend}
        </h2>
        {problems.length > 1 && (
          <ul className="error-summary request-summary" role="alert">
            {problems.map((p) => (
              <li key={p}>{m.errors[p]}</li>
            ))}
          </ul>
        )}
        {step === 1 && (
          <RadioChoices
            name="condition"
            legend={m.condition.legend}
            choices={CONDITIONS}
            labels={m.condition}
            value={answers.condition}
            onChange={(condition) => set({ condition })}
            error={errorOf('condition')}
          />
        )}
        {step === 2 && (
          <>
            <RadioChoices name="place" legend={m.place.legend} choices={PLACES} labels={m.place} value={answers.place} onChange={(place) => set({ place })} error={errorOf('place')} />
            <fieldset className="field">
              <legend>{m.place.region}</legend>
              <RegionPicker required value={{ sido: answers.sido, sigungu: answers.sigungu }} onChange={(region) => set(region)} sidoError={errorOf('sido')} />
            </fieldset>
          </>
        )}
        {step === 3 && (
          <>
            <p className="muted">{m.dates.hint}</p>
            <TextField label={m.dates.from} name="from" type="datetime-local" required value={answers.from} onChange={(e) => set({ from: e.target.value })} error={errorOf('from', 'fromPast')} />
            <TextField label={m.dates.to} name="to" type="datetime-local" required value={answers.to} onChange={(e) => set({ to: e.target.value })} error={errorOf('to')} />
          </>
        )}
        <div className="row request-buttons">
          {step > 1 && (
            <button type="button" className="btn btn-secondary" onClick={() => navigate(`/request?${answersToUrl({ ...answers, step: step - 1 })}`)}>
              {m.back}
            </button>
          )}
          <button type="submit" className="btn btn-primary">
            {step < STEPS ? m.next : m.finish}
          </button>
        </div>
      </form>
    </>
  );
}

export function RequestPage() {
  const m = useMessages(requestMessages).request;
  const { query } = useLocation();
  const queryString = query.toString();
  const answers = withDraft(query, new Date(), draft);
  return (
    <Page title={m.title}>
      <RequestStep key={queryString} initial={answers} />
    </Page>
  );
}
