// One schema per shape, from app/schemas.ts (validation, serialisation and OpenAPI alike).
export { TranslationRequest as TranslationBody, TranslationView as TranslationOut } from '../app/schemas.ts';
