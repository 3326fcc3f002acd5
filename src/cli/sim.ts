/**
 * `npm run --silent sim -- <command> ...` (or `npx sim`, the package's `bin`): the simulator's
 * command-line tool for lesson authors, tests and tooling. Each command prints one JSON object on
 * stdout; exit status 2 means bad arguments or a refused file (the message goes to stderr), 1 an
 * internal error of the simulator, 0 everything else, including programs with errors and runs
 * stopped at a host limit (limits.ts).
 * It runs from a bundle (scripts/build-cli.mjs, bin/sim.mjs) or, for development, through tsx.
 */
import { pathToFileURL } from 'node:url';
import { abiCommand } from './abi';
import { nodeIo, type CommandIo } from './io';
import { LIMITS_HELP } from './limits';
import { RUN_USAGE, runCommand } from './run';

/** A subcommand: gets its arguments (after the command name) and returns the exit status. */
export type Command = (args: string[], io: CommandIo) => Promise<number> | number;

/** The subcommands, by name. Add new ones here. */
export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  abi: { run: abiCommand, usage: 'abi FILE.cpp [--target x86_64|aarch64]' },
  run: {
    run: runCommand,
    usage: RUN_USAGE.replace(/^usage: sim /, ''),
  },
};

function usage(): string {
  return [
    'usage: npm run --silent sim -- <command> ...',
    ...Object.values(COMMANDS).map((c) => `  sim ${c.usage}`),
    '',
    LIMITS_HELP,
  ].join('\n');
}

/** Dispatches to a subcommand; returns the exit status. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    io.stdout(usage() + '\n');
    return 0;
  }
  if (name === undefined) {
    io.stderr(usage() + '\n');
    return 2;
  }
  // hasOwn: `sim constructor` or `sim __proto__` must not find Object's own properties.
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.stderr(`sim: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  return cmd.run(rest, io);
}

/** Runs the tool as a process: arguments from `argv`, the exit status into `process.exitCode`. */
export function runCli(argv: string[]): Promise<void> {
  return main(argv, nodeIo)
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

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void runCli(process.argv.slice(2));
