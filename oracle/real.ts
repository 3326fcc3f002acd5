/**
 * `npm run real -- --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--leftover NAME]`:
 * builds and runs the two files for real (see README.md) and prints one JSON object in the shape
 * of `sim run`'s, plus `evidence`. Exit 0 whatever the program did; 2 for bad arguments; 3 when
 * the toolchain is missing.
 */
import { readFileSync } from 'node:fs';
import { runReal, type LeftoverName } from './oracle';
import { missingTools, type Target } from './toolchain';

const USAGE =
  'usage: npm run real -- --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--leftover zero|runtime-data|gc-object|stale-stack]';
const LEFTOVERS = ['zero', 'runtime-data', 'gc-object', 'stale-stack'];

async function main(argv: string[]): Promise<number> {
  let cpp: string | undefined;
  let codon: string | undefined;
  let target: Target = 'x86_64';
  let leftover: LeftoverName = 'runtime-data';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const v = argv[i + 1];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (a === '--cpp' && v) cpp = argv[++i];
    else if (a === '--codon' && v) codon = argv[++i];
    else if (a === '--target' && (v === 'x86_64' || v === 'aarch64')) target = argv[++i] as Target;
    else if (a === '--leftover' && v && LEFTOVERS.includes(v)) leftover = argv[++i] as LeftoverName;
    else {
      process.stderr.write(`real: bad argument '${a}'\n${USAGE}\n`);
      return 2;
    }
  }
  if (!cpp || !codon) {
    process.stderr.write(`real: --cpp and --codon are required\n${USAGE}\n`);
    return 2;
  }
  const missing = missingTools(target);
  if (missing.length > 0) {
    process.stderr.write(`real: missing for ${target}: ${missing.join(', ')} (see oracle/README.md)\n`);
    return 3;
  }
  const result = await runReal({
    cpp: readFileSync(cpp, 'utf8'),
    codon: readFileSync(codon, 'utf8'),
    target,
    leftover,
  });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`real: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
