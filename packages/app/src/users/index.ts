export { createUser } from './create-user.ts';
export { listUsers } from './list-users.ts';
export { resetUserPassword } from './reset-user-password.ts';
export { updateUser } from './update-user.ts';
export { generatePassword } from './user-support.ts';
