import type { Page } from '../../../platform/paging.ts';
import type { CaregiverProfile } from '../contract.ts';

// The search page's JSON, built from each profile's JSON remembered with its view (decision 0033). The search
// remembers one frozen view object per profile row version (app/search-profiles.ts, decision 0029), so the view
// object is itself the key: a changed profile is a new object and gets its JSON made anew; a forgotten one takes
// its JSON with it (WeakMap). The bytes are what Fastify makes from the route's response schema (SearchPage):
// each item is serialised by the same compiler from the item's schema (PublicProfile), and the envelope is
// written here as that schema writes it. test/caregivers/search-body.http.test.ts compares the two byte for byte.

const fragments = new WeakMap<object, Buffer>();

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');
const CLOSE_WITHOUT_CURSOR = Buffer.from('],"nextCursor":null}');

/**
 * A page of public profiles as the UTF-8 JSON body Fastify would send for it: `serializeItem` is the route's
 * serialiser for one profile (reply.compileSerializationSchema(PublicProfile)). A Buffer is sent as it is,
 * so Fastify neither serialises the page again nor measures and encodes a 20 KB string per request.
 */
export function searchPageBody(page: Page<CaregiverProfile>, serializeItem: (item: CaregiverProfile) => string): Buffer {
  const parts: Buffer[] = [OPEN];
  for (const [i, item] of page.items.entries()) {
    let json = fragments.get(item);
    if (json === undefined) {
      json = Buffer.from(serializeItem(item));
      fragments.set(item, json);
    }
    if (i > 0) parts.push(COMMA);
    parts.push(json);
  }
  // A cursor is base64url (no character JSON escapes), written as the schema's string serialiser writes it.
  parts.push(page.nextCursor === null ? CLOSE_WITHOUT_CURSOR : Buffer.from(`],"nextCursor":${JSON.stringify(page.nextCursor)}}`));
  return Buffer.concat(parts);
}
