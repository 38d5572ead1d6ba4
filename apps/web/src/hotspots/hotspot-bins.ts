/** ArcGIS's hot-spot palette and labels for the 7 Gi* bins (−3…3), so maps read as analysts expect. */
export const hotspotBins = [
  { bin: 3, colour: '#d62f27', label: 'Hot spot, 99% confidence' },
  { bin: 2, colour: '#ed7551', label: 'Hot spot, 95% confidence' },
  { bin: 1, colour: '#fab984', label: 'Hot spot, 90% confidence' },
  { bin: 0, colour: '#eeeeee', label: 'Not significant' },
  { bin: -1, colour: '#c0ccbe', label: 'Cold spot, 90% confidence' },
  { bin: -2, colour: '#849eba', label: 'Cold spot, 95% confidence' },
  { bin: -3, colour: '#4575b5', label: 'Cold spot, 99% confidence' },
] as const;

export const hotspotSourceLabels = {
  'police-uk': 'Police.uk crime',
  intelligence: 'Intelligence reports',
  'missing-found': 'Missing children: where found',
  'missing-last-seen': 'Missing children: where last seen',
  places: 'Places of concern',
} as const;

/** The same sources as the events a sentence counts ("there are no …"). */
export const hotspotEventNouns = {
  'police-uk': 'police.uk crimes',
  intelligence: 'intelligence reports',
  'missing-found': 'missing episodes with a place found',
  'missing-last-seen': 'missing episodes with a place last seen',
  places: 'places of concern',
} as const;
