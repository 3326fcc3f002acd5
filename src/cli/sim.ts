/**
 * `npm run --silent sim -- <command> ...`: the simulator's command-line tool for lesson authors,
 * tests and tooling. Each command prints one JSON object on stdout; exit status 2 means bad
 * arguments (the message goes to stderr), 0 everything else, including programs with errors.
 */
import { pathToFileURL } from 'node:url';
import { abiCommand } from './abi';
import { nodeIo, type CommandIo } from './io';
import { runCommand } from './run';

/** A subcommand: gets its arguments (after the command name) and returns the exit status. */
export type Command = (args: string[], io: CommandIo) => Promise<number> | number;

/** The subcommands, by name. Add new ones here. */
export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  abi: { run: abiCommand, usage: 'abi FILE.cpp [--target x86_64|aarch64]' },
  run: {
    run: runCommand,
    usage:
      'run --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--max-steps N] [--leftover zero|runtime-data|gc-object|stale-stack]',
  },
};

function usage(): string {
  return [
    'usage: npm run --silent sim -- <command> ...',
    ...Object.values(COMMANDS).map((c) => `  sim ${c.usage}`),
  ].join('\n');
}

/** Dispatches to a subcommand; returns the exit status. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stderr(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr(`sim: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  return cmd.run(rest, io);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2), nodeIo)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(
        `sim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 1;
    });
}
