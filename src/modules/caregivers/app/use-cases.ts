import { makeApproveProfile } from './approve-profile.ts';
import { makeCreateProfile } from './create-profile.ts';
import type { CaregiversDeps } from './deps.ts';
import { makeDownloadDocument } from './download-document.ts';
import { makeGetBusyTimes } from './get-busy-times.ts';
import { makeGetMyProfile } from './get-my-profile.ts';
import { makeGetPhoto } from './get-photo.ts';
import { makeGetProfile } from './get-profile.ts';
import { makeListProfilesForReview } from './list-profiles-for-review.ts';
import { makeListRegions } from './list-regions.ts';
import { makeRejectProfile } from './reject-profile.ts';
import { makeSearchProfiles } from './search-profiles.ts';
import { makeTopCaregivers } from './top-caregivers.ts';
import { makeUpdateMyProfile } from './update-my-profile.ts';
import { makeUploadDocument } from './upload-document.ts';

export type CaregiversUseCases = ReturnType<typeof makeCaregiversUseCases>;

/** Every caregivers use case, built once; routes call them, and so may the demo seeder. */
export function makeCaregiversUseCases(deps: CaregiversDeps) {
  return {
    createProfile: makeCreateProfile(deps),
    getMyProfile: makeGetMyProfile(deps),
    updateMyProfile: makeUpdateMyProfile(deps),
    uploadDocument: makeUploadDocument(deps),
    listProfilesForReview: makeListProfilesForReview(deps),
    approveProfile: makeApproveProfile(deps),
    rejectProfile: makeRejectProfile(deps),
    downloadDocument: makeDownloadDocument(deps),
    getProfile: makeGetProfile(deps),
    getPhoto: makeGetPhoto(deps),
    searchProfiles: makeSearchProfiles(deps),
    getBusyTimes: makeGetBusyTimes(deps),
    topCaregivers: makeTopCaregivers(deps),
    listRegions: makeListRegions(),
  };
}
