/**
 * What a command may touch: its output streams and the file system, passed in so commands can be
 * tested in-process.
 */
import { readFileSync, statSync } from 'node:fs';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bytes of a file; throws a Node error (ENOENT, EISDIR...) when it cannot be read. */
  readFile(path: string): Uint8Array;
}

export const nodeIo: CommandIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (path) => {
    if (statSync(path).isDirectory()) {
      const e = new Error(`'${path}' is a directory`) as NodeJS.ErrnoException;
      e.code = 'EISDIR';
      throw e;
    }
    return readFileSync(path);
  },
};

/** A short reason a file could not be read. */
export function readError(path: string, e: unknown): string {
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
