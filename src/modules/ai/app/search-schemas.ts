import Type, { type Static } from 'typebox';
import { CaregiverProfile, CaregiverSearchFilters } from '../../caregivers/contract.ts';

// The shapes of POST /ai/caregiver-search, one TypeBox schema each (types via Static); the route validates and
// serialises with them. The filters are the caregivers contract's: exactly GET /caregivers' parameters.

export const SEARCH_QUERY_MAX_LENGTH = 500;

export const CaregiverSearchRequest = Type.Object(
  {
    query: Type.String({
      minLength: 1,
      maxLength: SEARCH_QUERY_MAX_LENGTH,
      pattern: '\\S',
      description: 'what the family needs, in Korean or English, e.g. "서울 강남 치매 어머니, 여성, 시급 1만5천원 이하"',
    }),
  },
  { additionalProperties: false },
);
export type CaregiverSearchRequest = Static<typeof CaregiverSearchRequest>;

export const CaregiverSearchAnswer = Type.Object({
  filters: CaregiverSearchFilters,
  interpretedBy: Type.String({ description: "'rules' (offline interpreter), or the model that read the request: 'gemini', 'openai'" }),
  explanation: Type.String({ description: 'what was understood, in the language of the request (ko or en)' }),
  items: Type.Immutable(Type.Array(CaregiverProfile, { description: 'the first page of GET /caregivers with these filters' })),
});
export type CaregiverSearchAnswer = Static<typeof CaregiverSearchAnswer>;
