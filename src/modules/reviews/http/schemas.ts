import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { REVIEW_LIMITS } from '../domain/review.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these.

const Rating = Type.Integer({ minimum: REVIEW_LIMITS.minRating, maximum: REVIEW_LIMITS.maxRating, description: '1 to 5 stars' });
// Length is checked again after trimming (domain/review.ts): 10 spaces are not a review.
const Content = Type.String({ minLength: REVIEW_LIMITS.minContent, maxLength: REVIEW_LIMITS.maxContent, description: '10 to 1000 characters' });

export const IdParams = Type.Object({ id: Type.String({ description: 'review id' }) });
export const CaregiverParams = Type.Object({ id: Type.String({ description: 'caregiver id' }) });

export const CreateBody = Type.Object(
  { reservationId: Type.String({ minLength: 1, description: 'a COMPLETED reservation of yours' }), rating: Rating, content: Content },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  { rating: Type.Optional(Rating), content: Type.Optional(Content) },
  { additionalProperties: false, minProperties: 1 },
);

export const PageQuery = Type.Object({ limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) });

const publicFields = {
  id: Type.String(),
  caregiverId: Type.String(),
  authorName: Type.String({ description: 'the author\'s name masked to its first character, e.g. 김**' }),
  rating: Rating,
  content: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const PublicReviewOut = Type.Object(publicFields);
export const ReviewOut = Type.Object({ ...publicFields, reservationId: Type.String() });
export const ReviewPage = pageOf(PublicReviewOut);
