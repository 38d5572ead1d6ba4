/**
 * Wording for synthetic intelligence. Sentences are generic and describe people by age and sex
 * only, as a professional's low-level report might; the structured links carry who is involved.
 */
import { ageInYears } from '@lantern/domain';
import type { SynthPerson, SynthPlace, SynthVehicle } from './types.ts';
import { describeVehicle } from './vehicles.ts';

export function placePhrase(place: SynthPlace): string {
  const [descriptor = 'place', town = ''] = place.name.split(', ');
  if (place.category === 'house') return `an address ${(place.address ?? 'nearby').replace(/^On/, 'on')} in ${town}`;
  return `the ${descriptor.toLowerCase()} in ${town}`;
}

export function childPhrase(child: SynthPerson, onDate: string): string {
  const noun = child.sex === 'F' ? 'girl' : child.sex === 'M' ? 'boy' : 'young person';
  return `a ${ageInYears(child.dateOfBirth, onDate)}-year-old ${noun}`;
}

export function vehiclePhrase(vehicle: SynthVehicle, partial: boolean): string {
  return partial
    ? `${describeVehicle(vehicle)} (partial registration ${vehicle.registration.slice(0, 4)})`
    : describeVehicle(vehicle);
}

export function associatePhrase(associate: SynthPerson): string {
  const noun = associate.sex === 'F' ? 'female' : 'male';
  const alias = associate.aliases[0];
  return alias ? `an adult ${noun} known as '${alias}'` : `an adult ${noun}`;
}

export function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export const handlingConditionTexts = [
  'Not to be disseminated outside the partnership without reference to the originator.',
  'Source protection: do not disclose to the subject or their associates.',
  'For safeguarding use only; consult the originator before any use in proceedings.',
  'Share only with the named NSD meeting attendees for the district.',
];

export const backgroundTemplates: Record<string, readonly ((where: string, town: string) => string)[]> = {
  missing: [
    (where) =>
      `A young person reported missing from care was found at ${where}; concern that it is a repeat location for missing children.`,
    (where) => `Children missing overnight are believed to be gathering at ${where}.`,
    (where, town) =>
      `Information that young people from ${town} who go missing are staying with older peers near ${where}.`,
  ],
  location_concern: [
    (where) => `Residents report young people gathering at ${where} late at night with adults they do not know.`,
    (where) => `Staff at ${where} have noticed adults loitering near school finishing times.`,
  ],
  harmful_behaviour: [
    (where) => `School reports a group of pupils involved in fights after school near ${where}.`,
    (where) => `Concern about young people carrying weapons for protection around ${where}.`,
    (where) => `Young people seen drinking heavily at ${where}; some appeared to be under 14.`,
  ],
  trafficking: [
    (_where, town) =>
      `Concern that young people from out of area are being brought into ${town} and housed at short notice.`,
  ],
  other: [(where) => `Low-level information shared at the NSD meeting about anti-social behaviour near ${where}.`],
  cse: [
    (where) => `Concern that older males are befriending girls at ${where} and offering them lifts.`,
    (where) => `A youth worker reports that girls are being given alcohol by adults at ${where}.`,
  ],
  cce: [
    (where) => `Young people seen exchanging small packages at ${where}.`,
    (where) => `Teenage boys seen at ${where} with new phones and cash they cannot account for.`,
  ],
  county_lines: [
    (_where, town) => `A drug supply line is believed to be recruiting local children to deliver in ${town}.`,
  ],
};
