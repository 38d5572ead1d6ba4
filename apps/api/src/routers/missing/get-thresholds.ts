import { thresholdsOutput } from '@lantern/domain';
import { getThresholdsService } from '../../services/missing-meetings-service.ts';
import { procedure } from '../../trpc.ts';

export const getThresholds = procedure.output(thresholdsOutput).query(({ ctx }) => getThresholdsService(ctx));
