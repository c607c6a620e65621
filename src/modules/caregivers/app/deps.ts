import type { Platform } from '../../../platform/module.ts';
import type { CaregiversSettings } from '../settings.ts';

// Everything the caregivers use cases are built from, passed in explicitly.
export interface CaregiversDeps {
  readonly platform: Platform;
  readonly settings: CaregiversSettings;
}

/** Documents one caregiver may keep; uploads beyond it answer 409 DOCUMENT_LIMIT_REACHED. */
export const DOCUMENT_LIMIT = 20;

export function documentStorageKey(caregiverId: string, documentId: string): string {
  return `caregivers/${caregiverId}/documents/${documentId}`;
}

export const photoUrlOf = (caregiverId: string): string => `/api/v1/caregivers/${caregiverId}/photo`;
