/** A record type as words ("intelligence_report" → "intelligence report"). */
export const noun = (type: string) => type.replace(/_/g, ' ');
