/**
 * Synthetic names and references. Given names and surnames are drawn independently from lists
 * of common ones, so a combination is an invented person, never a record about a real one.
 * Pseudonymous references avoid look-alike characters (0/O, 1/I) because people read them out.
 */
import type { Rng } from './rng.ts';

const boysNames = (
  'Oliver Harry Jack George Noah Charlie Jacob Alfie Freddie Oscar Leo Logan Archie Theo Thomas James ' +
  'Joshua Henry William Max Lucas Ethan Arthur Mason Isaac Harrison Teddy Finley Daniel Riley Edward ' +
  'Joseph Alexander Adam Reggie Samuel Jaxon Sebastian Elijah Harley Toby Arlo Dylan Jude Benjamin ' +
  'Rory Tommy Jake Louie Carter Kai Liam Ryan Callum Kyle Connor Lewis Bailey Tyler Jayden Reece ' +
  'Kieran Brandon Aaron Ashton Owen Nathan Luke Mohammed Yusuf'
).split(' ');

const girlsNames = (
  'Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence Emily Ella ' +
  'Poppy Evie Elsie Charlotte Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia ' +
  'Maya Millie Isabelle Eva Luna Jessica Aria Scarlett Esme Chloe Holly Megan Lauren Jasmine Katie ' +
  'Amber Paige Ellie Leah Courtney Bethany Demi Kayla Tia Abbie Caitlin Shannon Chelsea Summer Lacey ' +
  'Madison Niamh Erin Zara Aisha Maisie Layla Hannah Molly'
).split(' ');

const surnames = (
  'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White ' +
  'Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis ' +
  'Rodriguez Cox Alexander Morgan Moore Mills King Harris Hughes Turner Scott Cooper Hill Ward Morris ' +
  'Baker Edwards Watson Marshall Shaw Holmes Lee Allen Young Parker Bennett Carter Kelly Price Chapman ' +
  'Webb Simpson Ellis Hunt Palmer Griffiths Richards Fletcher Atkinson Barker Gibson Bailey Stevens ' +
  'Dixon Pearson Saunders Riley Lowe Booth Brooks Fisher Hudson Spencer Kaur Singh Ahmed Hussain Ali ' +
  'Begum Nowak Kowalski Newton Wells Burton Bradley Sutton Harrison Payne Gray Holland Stone'
).split(' ');

/** Street names (nicknames) that associates are known by in intelligence. */
const nicknames = (
  'Smudge Tiny Ghost Rocket Biscuit Dee Skip Chops Bizzle Junior Nitro Red Lucky Snoop Frosty Kid ' +
  'Boxer Dino Ace Bear Blaze Flex Moose Pip Rizz Spike Tank Turbo Wiz Zed'
).split(' ');

export interface SyntheticName {
  givenName: string;
  familyName: string;
}

export function syntheticName(rng: Rng, sex: 'M' | 'F' | 'X' | 'U'): SyntheticName {
  const list = sex === 'M' ? boysNames : sex === 'F' ? girlsNames : rng.chance(0.5) ? boysNames : girlsNames;
  return { givenName: rng.pick(list), familyName: rng.pick(surnames) };
}

export function syntheticNickname(rng: Rng): string {
  return rng.pick(nicknames);
}

/** Upper-case letters and digits without 0, O, 1 and I. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Issues unique pseudonymous references such as 'C-7K3Q9P' (children) or 'A-M4XW2H' (associates).
 * One issuer per dataset, so uniqueness holds across both prefixes.
 */
export class PseudonymIssuer {
  private readonly issued = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(prefix: 'C' | 'A'): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET.charAt(Math.floor(this.rng.float() * 32));
      const reference = `${prefix}-${code}`;
      if (!this.issued.has(reference)) {
        this.issued.add(reference);
        return reference;
      }
    }
  }
}

/** 'CH-004512'-style sequential references with a random start, zero-padded to six digits. */
export function sequentialRef(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(6, '0')}`;
}
