import { router } from '../../trpc.ts';
import { closeEpisode } from './close-episode.ts';
import { getEpisode } from './get-episode.ts';
import { getThresholds } from './get-thresholds.ts';
import { importEpisodes } from './import-episodes.ts';
import { interviewsDue } from './interviews-due.ts';
import { listEpisodes } from './list-episodes.ts';
import { meetingsNeeded } from './meetings-needed.ts';
import { multipleMissing } from './multiple-missing.ts';
import { philomenaRouter } from './philomena/router.ts';
import { quarterlyFigures } from './quarterly-figures.ts';
import { recordEpisode } from './record-episode.ts';
import { recordInterview } from './record-interview.ts';
import { recordMeeting } from './record-meeting.ts';
import { recordReturn } from './record-return.ts';
import { regradeRisk } from './regrade-risk.ts';
import { setThresholds } from './set-thresholds.ts';

/** Children missing from home and care: the coordinator's workflow. */
export const missingRouter = router({
  recordEpisode,
  importEpisodes,
  regradeRisk,
  recordReturn,
  closeEpisode,
  listEpisodes,
  getEpisode,
  interviewsDue,
  recordInterview,
  meetingsNeeded,
  recordMeeting,
  getThresholds,
  setThresholds,
  quarterlyFigures,
  multipleMissing,
  philomena: philomenaRouter,
});
