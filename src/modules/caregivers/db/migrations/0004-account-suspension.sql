-- The caregiver's account is suspended by an admin (identity's user.suspended.v1 / user.unsuspended.v1,
-- consumer 'caregivers.account-suspension'). Kept apart from the review status so lifting the suspension
-- restores exactly what was. A suspended profile is hidden from everyone but its admins: search, top lists,
-- GET /caregivers/:id, busy times, photo; other modules see it as status SUSPENDED through the contract.
ALTER TABLE caregivers.profiles ADD COLUMN IF NOT EXISTS account_suspended boolean NOT NULL DEFAULT false;
