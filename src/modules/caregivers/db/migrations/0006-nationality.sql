-- The caregiver's nationality (issue 13: families ask for it beside the languages), ISO 3166-1 alpha-2, optional.
ALTER TABLE caregivers.profiles ADD COLUMN IF NOT EXISTS nationality text CHECK (nationality ~ '^[A-Z]{2}$');
