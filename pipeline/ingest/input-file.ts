/**
 * What a path given as a recording is, before anything opens it: each way it can fail gets
 * its own code, so "no such file" is never said of a FIFO, a device or a file the process may
 * not read. A FIFO is refused without opening it (opening one blocks until a writer comes).
 */
import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { CallqaError } from '../../core/errors.ts';

function kindOf(fileStat: Stats): string {
  if (fileStat.isDirectory()) return 'a folder';
  if (fileStat.isFIFO()) return 'a FIFO (named pipe)';
  if (fileStat.isCharacterDevice() || fileStat.isBlockDevice()) return 'a device';
  if (fileStat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The stat of a readable regular file at `absolutePath`; `source` names it in messages. */
export async function checkInputFile(source: string, absolutePath: string): Promise<Stats> {
  const fileStat = await stat(absolutePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new CallqaError('CQA_ERR_INPUT_NOT_FOUND', `${source}: no such file; check the path`);
    throw new CallqaError('CQA_ERR_INPUT_UNREADABLE', `${source}: cannot be read (${error.code ?? error.message}); check its permissions and those of its folders`);
  });
  const readable = await access(absolutePath, fileStat.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK).then(() => true, () => false);
  if (fileStat.isDirectory() && !readable) {
    throw new CallqaError('CQA_ERR_INPUT_UNREADABLE', `${source}: a folder this process may not read (permission denied), so its recordings were skipped; give it read and execute permission`);
  }
  if (!fileStat.isFile()) {
    throw new CallqaError('CQA_ERR_INPUT_NOT_FILE', `${source}: is ${kindOf(fileStat)}, not a recording file; give the recording itself`);
  }
  if (!readable) throw new CallqaError('CQA_ERR_INPUT_UNREADABLE', `${source}: this process may not read the file (permission denied); give it read permission`);
  return fileStat;
}
