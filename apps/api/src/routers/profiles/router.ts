import { router } from '../../trpc.ts';
import { approve } from './approve.ts';
import { create } from './create.ts';
import { exportProfileProcedure } from './export.ts';
import { figureRecords } from './figure-records.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { newVersion } from './new-version.ts';
import { recordPrint } from './record-print.ts';
import { refresh } from './refresh.ts';
import { returnToDraft } from './return-to-draft.ts';
import { saveWriting } from './save-writing.ts';
import { submit } from './submit.ts';
import { updateTerms } from './update-terms.ts';

/** Problem profiles (issue 16): stored versions draft → for review → approved, and their exports. */
export const profilesRouter = router({
  list,
  create,
  get,
  saveWriting,
  updateTerms,
  refresh,
  submit,
  approve,
  returnToDraft,
  newVersion,
  figureRecords,
  export: exportProfileProcedure,
  recordPrint,
});
