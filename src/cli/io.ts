/**
 * What a command may touch: its output streams, the file system and the simulation, passed in so
 * commands can be tested in-process.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { HostOutcome, Job } from './job';
import { MAX_INPUT_BYTES } from './limits';
import { simulateInChild } from './host';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * The bytes of a regular file of at most MAX_INPUT_BYTES; throws a Node error (ENOENT, EISDIR...)
   * or a {@link RefusedInput} when it cannot or will not be read.
   */
  readFile(path: string): Uint8Array;
  /** Runs a simulation job within the host limits (limits.ts); `timeoutMs` is the wall-clock limit. */
  simulate(job: Job, timeoutMs: number): Promise<HostOutcome>;
}

/** A file the tool will not read: not a regular file, or too large. */
export class RefusedInput extends Error {}

/** What a path is, when it is not a regular file (for the message). */
function kindOf(s: import('node:fs').Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function checkRegular(s: import('node:fs').Stats): void {
  if (!s.isFile()) throw new RefusedInput(`it is ${kindOf(s)}; only regular files are read`);
  if (s.size > MAX_INPUT_BYTES) throw tooLarge(`${s.size.toLocaleString('en')} bytes`);
}

function tooLarge(size: string): RefusedInput {
  return new RefusedInput(
    `it is ${size}, more than the ${MAX_INPUT_BYTES.toLocaleString('en')} bytes (1 MiB) the tool reads`,
  );
}

/**
 * Reads a file without trusting it: stat first (a FIFO, a device or a directory is refused before it
 * is opened, since opening a FIFO blocks until a writer comes), open without blocking, check the open
 * file again (the path may have changed in between), then read at most MAX_INPUT_BYTES + 1 bytes,
 * whatever size the file claims (files in /proc claim 0).
 */
export function readBoundedFile(path: string): Uint8Array {
  checkRegular(statSync(path));
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    checkRegular(fstatSync(fd));
    const buf = new Uint8Array(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_INPUT_BYTES) throw tooLarge('larger than it says');
    }
    return buf.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export const nodeIo: CommandIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: readBoundedFile,
  simulate: simulateInChild,
};

/** A short reason a file could not be read. */
export function readError(path: string, e: unknown): string {
  if (e instanceof RefusedInput) return `refusing '${path}': ${e.message}`;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `cannot read '${path}': no such file`;
  if (code === 'EISDIR') return `cannot read '${path}': it is a directory`;
  if (code === 'EACCES') return `cannot read '${path}': permission denied`;
  return `cannot read '${path}': ${e instanceof Error ? e.message : String(e)}`;
}

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD (the lexer then reports them). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
