import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '@lantern/domain';
import type { ImportOptions } from './commands/import.ts';

/**
 * Checked before an import opens the database: every file named can be read, and the --rejects
 * file can be written. A missing file, a directory or a file without permission is bad input
 * (exit 2), named by its path, and nothing is imported, not even the files named before it.
 */
export function checkImportPaths(files: readonly string[], options: ImportOptions): void {
  if (options.rejects && !options.skipInvalid) {
    throw new AppError('BAD_INPUT', '--rejects needs --skip-invalid (without it a bad row imports nothing)');
  }
  const problems: string[] = [];
  for (const file of files) {
    const problem = unreadable(file);
    if (problem) problems.push(`${file}: ${problem}`);
  }
  const rejectsProblem = options.rejects === undefined ? undefined : unwritable(options.rejects);
  if (rejectsProblem) problems.push(`--rejects ${options.rejects}: ${rejectsProblem}`);
  if (problems.length > 0) {
    throw new AppError('BAD_INPUT', `${problems.join('\n')}\nnothing was imported`);
  }
}

/**
 * Checked before a command does its work (and audits it): the file it will write, given by
 * `option`, can be created or replaced. Otherwise bad input (exit 2), named by its path.
 */
export function checkWritablePath(option: string, path: string): void {
  const problem = unwritable(path);
  if (problem) throw new AppError('BAD_INPUT', `${option} ${path}: ${problem}`);
}

/** Why `path` is not a file this process can use in `mode`; `null` when nothing is there. */
function fileProblem(path: string, mode: number): string | undefined | null {
  try {
    if (statSync(path).isDirectory()) return 'is a directory, not a file';
    accessSync(path, mode);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : fileSystemProblem(error);
  }
}

function unreadable(path: string): string | undefined {
  const problem = fileProblem(path, constants.R_OK);
  return problem === null ? 'no such file or directory' : problem;
}

/** The rejects file is created or replaced: it must not be a directory, and its directory must take it. */
function unwritable(path: string): string | undefined {
  const existing = fileProblem(path, constants.W_OK);
  if (existing !== null) return existing;
  const directory = dirname(resolve(path));
  try {
    if (!statSync(directory).isDirectory()) return `cannot be created: ${directory} is not a directory`;
    accessSync(directory, constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot be created in ${directory}: ${fileSystemProblem(error)}`;
  }
}

function fileSystemProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
