import { router } from '../../trpc.ts';
import { close } from './close-intelligence.ts';
import { queueCount } from './count-open-intelligence.ts';
import { develop } from './develop-intelligence.ts';
import { attachment } from './get-attachment.ts';
import { get } from './get-intelligence.ts';
import { grade } from './grade-intelligence.ts';
import { list } from './list-intelligence.ts';
import { queue } from './list-intelligence-queue.ts';
import { mine } from './list-my-submissions.ts';
import { sanitise } from './sanitise-intelligence.ts';
import { submit } from './submit-intelligence.ts';
import { withdraw } from './withdraw-intelligence.ts';

export const intelligenceRouter = router({
  submit,
  mine,
  withdraw,
  list,
  queue,
  queueCount,
  get,
  attachment,
  grade,
  sanitise,
  develop,
  close,
});
