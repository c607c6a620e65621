import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { PublicReviewView } from '../app/schemas.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these. The shapes
// the use cases take and give are in app/schemas.ts (named there as the use cases name them); this file
// adds what is only HTTP.

export {
  CreateReviewInput as CreateBody,
  PublicReviewView as PublicReviewOut,
  ReviewChanges as UpdateBody,
  ReviewView as ReviewOut,
  ReviewTranslation as ReviewTranslationOut,
} from '../app/schemas.ts';

export const IdParams = Type.Object({ id: Type.String({ description: 'review id' }) });
export const CaregiverParams = Type.Object({ id: Type.String({ description: 'caregiver id' }) });

export const PageQuery = Type.Object({ limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) });

export const ReviewPage = pageOf(PublicReviewView);

export const TranslationQuery = Type.Object({
  lang: Type.String({ pattern: '^[a-z]{2}$', description: 'target language, ISO 639-1 (ko, en, zh, vi, ...)' }),
});
