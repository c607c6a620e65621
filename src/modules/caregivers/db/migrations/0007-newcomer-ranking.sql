-- domain/ranking.ts (issue 13 item 15): a caregiver without reviews keeps only a token career bonus
-- (0.0001 a year, at most 10 years) so no newcomer outranks a caregiver whose reviews average above 3.5.
-- Recompute the stored recommended score of every profile without reviews (the others are unchanged).
UPDATE caregivers.profiles
   SET recommended_score = round(3.5 + 0.0001 * least(career_years, 10), 4)
 WHERE review_count = 0;
