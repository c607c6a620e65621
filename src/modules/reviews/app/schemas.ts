import Type, { type Static } from 'typebox';
import { REVIEW_LIMITS } from '../domain/review.ts';

// What a review looks like to readers and what its author sends, each defined once as a TypeBox schema
// with its type derived from it. The routes validate and serialise with the same schemas;
// http/schemas.ts adds what is only HTTP. Not HTTP: use cases import these.

const Rating = Type.Integer({ minimum: REVIEW_LIMITS.minRating, maximum: REVIEW_LIMITS.maxRating, description: '1 to 5 stars' });
// Length is checked again after trimming (domain/review.ts): 10 spaces are not a review.
const Content = Type.String({ minLength: REVIEW_LIMITS.minContent, maxLength: REVIEW_LIMITS.maxContent, description: '10 to 1000 characters' });

export const CreateReviewInput = Type.Object(
  { reservationId: Type.String({ minLength: 1, description: 'a COMPLETED reservation of yours' }), rating: Rating, content: Content },
  { additionalProperties: false },
);
export type CreateReviewInput = Static<typeof CreateReviewInput>;

export const ReviewChanges = Type.Object(
  { rating: Type.Optional(Rating), content: Type.Optional(Content) },
  { additionalProperties: false, minProperties: 1 },
);
export type ReviewChanges = Static<typeof ReviewChanges>;

const publicFields = {
  id: Type.String(),
  caregiverId: Type.String(),
  authorName: Type.String({ description: 'the author\'s name masked to its first character, e.g. 김**' }),
  rating: Rating,
  content: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

/** A review as anyone sees it: no guardian id, only the masked author name. */
export const PublicReviewView = Type.Object(publicFields);
export type PublicReviewView = Static<typeof PublicReviewView>;

/** A review as its author (or an admin) sees it after writing it. */
export const ReviewView = Type.Object({ ...publicFields, reservationId: Type.String() });
export type ReviewView = Static<typeof ReviewView>;

/** A review's text in another language (GET /reviews/:id/translation), as the AI module's Translation. */
export const ReviewTranslation = Type.Object({
  text: Type.String({ description: 'the translated content, or the content itself when already in that language' }),
  sourceLanguage: Type.String({ description: 'ISO 639-1 code of the original' }),
  targetLanguage: Type.String(),
  provider: Type.String({ description: "who translated: 'gemini', 'openai', or 'none'" }),
});
export type ReviewTranslation = Static<typeof ReviewTranslation>;
