import { IANAZone } from 'luxon';

/** The county's time zone: report periods and CSV times without an offset are London time. */
export const LONDON_TIME_ZONE = 'Europe/London';

/** luxon's zone (tz database through Intl): its offset at any instant, in minutes east of UTC. */
export const londonZone = IANAZone.create(LONDON_TIME_ZONE);

export const MINUTE_MS = 60_000;
