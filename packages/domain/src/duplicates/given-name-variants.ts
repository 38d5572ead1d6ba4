/**
 * Given names that are one name: English nicknames and short forms, and transliterations that a
 * phonetic key does not join (Mohammed/Muhammad share a key; Mo and Mohammed do not). Each group
 * is one person's possible given names; a name may sit in more than one group (Sam). Invented
 * data about names only, no person.
 */
const groups: readonly (readonly string[])[] = [
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'rich', 'richie', 'rick', 'ricky', 'dick'],
  ['james', 'jim', 'jimmy', 'jamie', 'jay'],
  ['john', 'jon', 'johnny', 'jack', 'jonathan', 'jonny'],
  ['jack', 'jackson', 'jax', 'jaxon'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['joshua', 'josh'],
  ['daniel', 'dan', 'danny'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['benjamin', 'ben', 'benny'],
  ['alexander', 'alex', 'alexandra', 'alfie', 'al', 'sandy', 'xander'],
  ['alfred', 'alfie', 'alf'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['theodore', 'theo', 'ted', 'teddy'],
  ['frederick', 'fred', 'freddie', 'freddy'],
  ['henry', 'harry', 'hal', 'hank'],
  ['harrison', 'harry'],
  ['charles', 'charlie', 'chaz', 'chuck'],
  ['charlotte', 'charlie', 'lottie', 'lotte'],
  ['matthew', 'matt', 'matty'],
  ['michael', 'mike', 'mikey', 'mick', 'micky'],
  ['nathan', 'nathaniel', 'nate', 'nat'],
  ['anthony', 'tony', 'ant'],
  ['christopher', 'chris', 'kit'],
  ['nicholas', 'nick', 'nicky'],
  ['reginald', 'reggie', 'reg'],
  ['lewis', 'louis', 'louie', 'lou'],
  ['isaac', 'ike', 'zac'],
  ['zachary', 'zac', 'zack', 'zak'],
  ['callum', 'cal', 'calum'],
  ['kieran', 'kieron', 'ciaran'],
  ['reece', 'rhys', 'reese'],
  ['aaron', 'aron', 'arran'],
  ['jayden', 'jaden', 'jaiden', 'jay'],
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'mo', 'moe', 'hamad'],
  ['yusuf', 'yousef', 'youssef', 'yusef', 'joseph'],
  ['jessica', 'jess', 'jessie', 'jessy'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'libby', 'ellie'],
  ['eleanor', 'ellie', 'elle', 'nell', 'nellie'],
  ['isabella', 'isabelle', 'isobel', 'izzy', 'bella', 'issy'],
  ['amelia', 'millie', 'amy', 'mia'],
  ['emily', 'em', 'emmy', 'milly'],
  ['millicent', 'millie', 'milly'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'kat', 'cat', 'kitty'],
  ['rebecca', 'becky', 'becca', 'bex'],
  ['victoria', 'vicky', 'tori'],
  ['abigail', 'abbie', 'abby', 'gail'],
  ['olivia', 'liv', 'livvy', 'ollie'],
  ['oliver', 'ollie', 'olly'],
  ['sophia', 'sophie', 'sofia', 'soph'],
  ['florence', 'flo', 'florrie'],
  ['madison', 'maddie', 'maddy'],
  ['matilda', 'tilly', 'tilda', 'mattie'],
  ['evelyn', 'evie', 'eve'],
  ['phoebe', 'pheobe'],
  ['hannah', 'hanna'],
  ['aisha', 'ayesha', 'aysha'],
  ['layla', 'leila', 'laila', 'lyla'],
  ['zara', 'zahra'],
  ['niamh', 'neve', 'neave'],
  ['caitlin', 'katelyn', 'kaitlyn', 'cat'],
  ['bethany', 'beth'],
  ['courtney', 'court'],
  ['jasmine', 'jas', 'jazz', 'yasmin', 'yasmine'],
  ['demi', 'demmy'],
  ['madeleine', 'maddie'],
  ['summer', 'sum'],
];

const variantsOf = new Map<string, Set<string>>();
for (const group of groups) {
  for (const name of group) {
    const variants = variantsOf.get(name) ?? new Set<string>();
    for (const other of group) variants.add(other);
    variantsOf.set(name, variants);
  }
}

/**
 * Whether two normalised given names are listed as one name.
 *
 * @example
 * areGivenNameVariants('bill', 'william'); // → true
 */
export function areGivenNameVariants(left: string, right: string): boolean {
  return left === right || (variantsOf.get(left)?.has(right) ?? false);
}
