import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { SelectField, TextField } from '../ui/form.tsx';
import { RegionPicker } from '../ui/regions.tsx';
import { caregiverMessages } from './messages.ts';
import { emptyCertificate, emptyRegion, type CertificateRow, type FieldErrors, type RegionRow } from './profile-model.ts';

// The repeatable rows of the profile form: certificates and work areas, each with add and remove.

const CERTIFICATE_TYPES = ['CARE_WORKER', 'NURSE_AIDE', 'NURSE', 'SOCIAL_WORKER', 'OTHER'] as const;

export function CertificateRows({ rows, onChange, errors }: { rows: readonly CertificateRow[]; onChange(rows: CertificateRow[]): void; errors: FieldErrors }) {
  const m = useMessages(caregiverMessages).profile;
  const c = useMessages(common);
  const update = (i: number, patch: Partial<CertificateRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field cg-rows">
      <legend>{m.certificates}</legend>
      {errors.certificates && <p className="field-error">{errors.certificates}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="cg-row">
          <legend className="sr-only">{m.certificateRow(i + 1)}</legend>
          <SelectField
            label={m.certificateType}
            name={`certificates.${i}.type`}
            value={row.type}
            onChange={(e) => update(i, { type: e.target.value as CertificateRow['type'] })}
            options={CERTIFICATE_TYPES.map((t) => ({ value: t, label: c.certificateType[t] }))}
            error={errors[`certificates.${i}.type`]}
          />
          <TextField label={m.certificateNumber} name={`certificates.${i}.number`} required maxLength={50} value={row.number} onChange={(e) => update(i, { number: e.target.value })} error={errors[`certificates.${i}.number`]} />
          <TextField label={m.issuedOn} name={`certificates.${i}.issuedOn`} type="date" value={row.issuedOn} onChange={(e) => update(i, { issuedOn: e.target.value })} error={errors[`certificates.${i}.issuedOn`]} />
          <button type="button" className="btn btn-link btn-small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {m.removeCertificate(i + 1)}
          </button>
        </fieldset>
      ))}
      {rows.length < 10 && (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => onChange([...rows, emptyCertificate()])}>
          {m.addCertificate}
        </button>
      )}
    </fieldset>
  );
}

export function RegionRows({ rows, onChange, errors }: { rows: readonly RegionRow[]; onChange(rows: RegionRow[]): void; errors: FieldErrors }) {
  const m = useMessages(caregiverMessages).profile;
  return (
    <fieldset className="field cg-rows">
      <legend>{m.regions}</legend>
      <p className="field-hint">{m.regionsHint}</p>
      {errors.regions && <p className="field-error">{errors.regions}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="cg-row">
          <legend className="sr-only">{m.regionRow(i + 1)}</legend>
          <RegionPicker
            value={row}
            required
            namePrefix={`regions.${i}.`}
            sidoError={errors[`regions.${i}.sido`]}
            sigunguError={errors[`regions.${i}.sigungu`]}
            onChange={(value) => onChange(rows.map((r, j) => (j === i ? { ...r, ...value } : r)))}
          />
          <button type="button" className="btn btn-link btn-small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {m.removeRegion(i + 1)}
          </button>
        </fieldset>
      ))}
      {rows.length < 50 && (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => onChange([...rows, emptyRegion()])}>
          {m.addRegion}
        </button>
      )}
    </fieldset>
  );
}
