import { router } from '../../trpc.ts';
import { createLocationAssessment } from './create-location-assessment.ts';
import { createPeerGroupAssessment } from './create-peer-group-assessment.ts';
import { earlyIdentification } from './find-early-identification.ts';
import { namesWithoutActions } from './find-names-without-actions.ts';
import { getLocationAssessment } from './get-location-assessment.ts';
import { getPeerGroupAssessment } from './get-peer-group-assessment.ts';
import { list } from './list-assessments.ts';
import { listDue } from './list-due-assessments.ts';
import { updateLocationAssessment } from './update-location-assessment.ts';
import { updatePeerGroupAssessment } from './update-peer-group-assessment.ts';

export const contextualRouter = router({
  createLocationAssessment,
  updateLocationAssessment,
  getLocationAssessment,
  createPeerGroupAssessment,
  updatePeerGroupAssessment,
  getPeerGroupAssessment,
  list,
  listDue,
  namesWithoutActions,
  earlyIdentification,
});
