import type { ComponentType } from 'react';
import type { Role } from './api/types.ts';

/** One screen of the app. Areas (family/, caregiver/, admin/) export their routes; pages load lazily. */
export interface RouteDef {
  readonly path: string;
  /** Who may open it; anonymous visitors are sent to log in. Omitted: everyone. */
  readonly roles?: readonly Role[];
  readonly page: ComponentType<{ params: Record<string, string> }>;
}
