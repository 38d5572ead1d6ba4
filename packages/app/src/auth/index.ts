export { changePassword } from './change-password.ts';
export { getCurrentUser } from './get-current-user.ts';
export type { SignInAttempt } from './log-in-with-password.ts';
export { logInWithPassword } from './log-in-with-password.ts';
export { logOut } from './log-out.ts';
export { minimumPasswordLength, passwordProblem } from './password-policy.ts';
