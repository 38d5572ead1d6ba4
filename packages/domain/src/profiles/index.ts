export * from './profile-document.ts';
