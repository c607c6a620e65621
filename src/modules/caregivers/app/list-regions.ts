import { listRegions as catalogue, type RegionListing } from '../domain/regions.ts';

/** The region catalogue for forms: 17 sido with their sigungu, in official order. */
export function makeListRegions() {
  return function listRegions(): readonly RegionListing[] {
    return catalogue();
  };
}
