import type { CaregiverCard as Card } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { nationalityMessages, nationalityName } from '../ui/nationalities.ts';
import { ageBand } from './age-band.ts';
import { familyMessages } from './messages.ts';

/** Age band (never the exact age), gender, nationality and languages: what families look for first. `brief`: the
 * profile page, which shows gender and languages elsewhere. */
export function CaregiverFacts({ caregiver, brief = false }: { caregiver: Pick<Card, 'birthYear' | 'gender' | 'languages' | 'nationality'>; brief?: boolean }) {
  const m = useMessages(familyMessages).card;
  const c = useMessages(common);
  const n = useMessages(nationalityMessages);
  const band = ageBand(caregiver.birthYear, new Date());
  const languages = caregiver.languages.map((l) => (c.language as Record<string, string>)[l] ?? l).join(', ');
  const facts = [
    band !== undefined ? m.ageBand(band) : undefined,
    brief ? undefined : c.gender[caregiver.gender],
    caregiver.nationality ? m.nationality(nationalityName(n.names, caregiver.nationality)) : undefined,
    !brief && languages ? m.languages(languages) : undefined,
  ].filter(Boolean);
  return <p className="family-card-facts">{facts.join(' · ')}</p>;
}
