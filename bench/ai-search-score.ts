// F1 of the offline `rules` search interpreter on our own request set (src/modules/ai/domain/search-cases.data.ts),
// per field and overall: `npm run ai:score`. `--misses` also prints every request read differently.
import { REGION_CATALOGUE } from '../src/modules/caregivers/domain/regions.data.ts';
import { makeSearchInterpreter } from '../src/modules/ai/domain/interpret-search.ts';
import { SEARCH_CASES } from '../src/modules/ai/domain/search-cases.data.ts';
import { SCORED_FIELDS, scoreSearch } from '../src/modules/ai/domain/search-score.ts';

const interpret = makeSearchInterpreter(REGION_CATALOGUE);
const result = scoreSearch(SEARCH_CASES, (query) => interpret(query).filters);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

console.log(`rules interpreter on ${SEARCH_CASES.length} requests (${SEARCH_CASES.filter((c) => /[가-힣]/u.test(c.query)).length} Korean)\n`);
console.log('field            precision   recall       F1   pairs');
for (const field of SCORED_FIELDS) {
  const s = result.fields[field];
  console.log(`${field.padEnd(16)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${s.truePositives + s.falseNegatives}`);
}
const o = result.overall;
console.log(`${'overall'.padEnd(16)} ${pct(o.precision)} ${pct(o.recall)} ${pct(o.f1)}   ${o.truePositives + o.falseNegatives}`);
if (process.argv.includes('--misses')) {
  for (const miss of result.misses) console.log(`\n${miss.query}\n  expected ${JSON.stringify(miss.expected)}\n  actual   ${JSON.stringify(miss.actual)}`);
} else {
  console.log(`\n${result.misses.length} requests read differently (--misses to list them)`);
}
