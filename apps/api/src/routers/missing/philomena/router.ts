import { router } from '../../../trpc.ts';
import { get } from './get-philomena.ts';
import { print } from './print-philomena.ts';
import { savePart2 } from './save-part2.ts';
import { save } from './save-philomena.ts';

/** Philomena Protocol profiles of children in care, and part 2 on an episode. */
export const philomenaRouter = router({ get, save, print, savePart2 });
