/**
 * The command line's limits, in one place: the help text, the README and the checks all read them
 * from here. They keep one hostile or careless input from holding the machine (issue 12): the tool
 * refuses what it will not read before reading it, and the simulation runs in a worker whose heap and
 * wall-clock time are capped, so the worst a program can do is end with one JSON object.
 */

/** `--max-steps` may not exceed this (100 million source-level steps; the default is 100,000). */
export const MAX_STEPS_CAP = 100_000_000;

/** The largest input file read, in bytes (1 MiB; a lesson program is a few KB). */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** The wall-clock limit of one simulation, in seconds, unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_S = 60;

/** `--timeout` may not exceed this (10 minutes). */
export const MAX_TIMEOUT_S = 600;

/**
 * The simulation worker's JavaScript heap (V8 old generation), in MB. Beyond it the worker is stopped
 * and the run reports that the simulator's host limit was hit; the tool itself keeps running.
 */
export const WORKER_HEAP_MB = 1024;

/** The limits as the help text states them. */
export const LIMITS_HELP = [
  'limits:',
  `  --max-steps N   a decimal whole number from 1 to ${MAX_STEPS_CAP.toLocaleString('en')} (default 100,000)`,
  `  --timeout S     wall-clock seconds per run, a decimal whole number from 1 to ${MAX_TIMEOUT_S} (default ${DEFAULT_TIMEOUT_S})`,
  `  input files     regular files of at most ${MAX_INPUT_BYTES.toLocaleString('en')} bytes (1 MiB); others are refused unread`,
  `  memory          the simulation runs in a worker with a ${WORKER_HEAP_MB} MB heap`,
  'A run that hits the time or memory limit prints one JSON object with outcome "runtime-error"',
  'whose error says which host limit was hit; bad arguments and refused files exit with status 2.',
].join('\n');

/**
 * Reads a decimal whole number between `min` and `max`: digits only, so `1e300`, `0x10`, `1.5`, `-1`,
 * ` 5` and the empty string are refused rather than read as something the user did not write.
 */
export function parseWholeNumber(
  text: string | undefined,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false } {
  if (text === undefined || !/^[0-9]{1,16}$/.test(text)) return { ok: false };
  const value = Number(text);
  return value >= min && value <= max ? { ok: true, value } : { ok: false };
}
