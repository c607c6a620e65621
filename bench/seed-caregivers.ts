import type { Database } from '../src/platform/db/database.ts';
import { inTransaction } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import { insertProfile } from '../src/modules/caregivers/db/caregivers.repo.ts';
import { regionKeysOf } from '../src/modules/caregivers/domain/profile.ts';
import { recommendedScore } from '../src/modules/caregivers/domain/ranking.ts';
import { demoCaregivers } from '../src/demo/demo-people.ts';

// Writes `count` APPROVED profiles straight through the caregivers repository (no accounts: the search
// never touches identity). Ratings are spread so the rating sorts and filters have something to do.
export async function seedCaregivers(database: Database, count: number): Promise<void> {
  const people = demoCaregivers(count, 2026);
  const now = new Date();
  for (let start = 0; start < people.length; start += 500) {
    await inTransaction(database.db, async (tx) => {
      for (const [offset, person] of people.slice(start, start + 500).entries()) {
        const i = start + offset;
        const reviewCount = (i * 7919) % 180;
        const ratingAverage = reviewCount === 0 ? 0 : Math.round((3 + ((i * 104729) % 200) / 100) * 100) / 100;
        await insertProfile(tx, {
          id: newId(),
          user_id: newId(),
          status: 'APPROVED',
          display_name: person.name,
          gender: person.gender,
          birth_year: person.birthYear,
          career_years: person.careerYears,
          introduction: person.introduction,
          certificates: person.certificates,
          regions: person.regions,
          region_keys: regionKeysOf(person.regions),
          service_types: person.serviceTypes,
          languages: person.languages,
          hourly_rate: person.hourlyRate,
          daily_rate: person.dailyRate,
          rejection_reason: null,
          rating_average: ratingAverage,
          review_count: reviewCount,
          recommended_score: recommendedScore({ ratingAverage, reviewCount, careerYears: person.careerYears }),
          photo_document_id: null,
          submitted_at: now,
          reviewed_at: now,
          created_at: now,
          updated_at: now,
          withdrawn_at: null,
        });
      }
    });
  }
}
