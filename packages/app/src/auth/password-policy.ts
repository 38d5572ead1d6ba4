import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * New passwords: at least 12 characters and not guessable (zxcvbn score 3 or more, which rejects
 * passwords from the common and breached-password dictionaries, keyboard walks and the user's
 * own name or email).
 */
export const minimumPasswordLength = 12;

/**
 * Built on the first password checked, not when the module loads: ranking the dictionaries takes
 * about a quarter of a second, which every CLI command and server start paid before.
 */
let zxcvbn: ZxcvbnFactory | undefined;

function passwordChecker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    translations: english.translations,
  });
  return zxcvbn;
}

export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  if (password.length < minimumPasswordLength) return `must be at least ${minimumPasswordLength} characters`;
  if (password.length > 256) return 'must be at most 256 characters';
  const result = passwordChecker().check(password, [...userInputs]);
  if (result.score < 3) {
    const hint = result.feedback.warning ? `: ${result.feedback.warning}` : '';
    return `is too easy to guess${hint}`;
  }
  return null;
}
