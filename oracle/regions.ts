/**
 * Names an address of the real run: the region of /proc/self/maps it falls in, in the simulator's
 * region kinds, and, inside libc or the dynamic loader, the symbol (and the member of a struct
 * symbol) from the debug symbols of libc6-dbg, asked of gdb in batch mode.
 */
import { execFileSync } from 'node:child_process';

export interface MapLine {
  start: bigint;
  end: bigint;
  perms: string;
  offset: bigint;
  path: string;
}

export function parseMaps(text: string): MapLine[] {
  const out: MapLine[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+)-([0-9a-f]+)\s+(\S+)\s+([0-9a-f]+)\s+\S+\s+\d+\s*(.*)$/.exec(line);
    if (!m) continue;
    out.push({
      start: BigInt('0x' + m[1]),
      end: BigInt('0x' + m[2]),
      perms: m[3] as string,
      offset: BigInt('0x' + m[4]),
      path: (m[5] ?? '').trim(),
    });
  }
  return out;
}

export type RegionKind =
  'text' | 'static' | 'runtime' | 'c-heap' | 'gc-heap' | 'stack' | 'unmapped' | 'other';

export interface Named {
  addr: string;
  region: RegionKind;
  /** The file or mapping: "libfoo.so", "libc.so.6", "[stack]". */
  where: string;
  symbol: string | null;
}

const RUNTIME_FILES = /\/(libc\.so|ld-linux|libgc\.so|libstdc\+\+|libm\.so|libgcc_s)/;

/** The region of `addr`; `gcBase` says whether the collector owns it (GC_base at run time). */
export function classify(addr: bigint, maps: MapLine[], exe: string, gcOwned: boolean, gdb: string): Named {
  const hex = '0x' + addr.toString(16);
  if (gcOwned) return { addr: hex, region: 'gc-heap', where: 'GC heap', symbol: null };
  const i = maps.findIndex((m) => addr >= m.start && addr < m.end);
  if (i < 0) return { addr: hex, region: 'unmapped', where: 'unmapped', symbol: null };
  let m = maps[i] as MapLine;
  if (m.path === '[stack]') return { addr: hex, region: 'stack', where: '[stack]', symbol: null };
  if (m.path === '[heap]') return { addr: hex, region: 'c-heap', where: '[heap]', symbol: null };
  // An anonymous mapping right after a file's mappings is that file's .bss.
  let path = m.path;
  if (
    path === '' &&
    i > 0 &&
    (maps[i - 1] as MapLine).end === m.start &&
    (maps[i - 1] as MapLine).path.startsWith('/')
  ) {
    path = (maps[i - 1] as MapLine).path;
    m = { ...m, path };
  }
  if (!path.startsWith('/')) return { addr: hex, region: 'other', where: path || 'anonymous', symbol: null };
  const base = maps.find((x) => x.path === path && x.offset === 0n)?.start ?? m.start;
  const file = path.split('/').pop() ?? path;
  const exec = m.perms.includes('x');
  let region: RegionKind;
  if (RUNTIME_FILES.test(path)) region = exec ? 'text' : 'runtime';
  else region = exec ? 'text' : 'static';
  void exe;
  const symbol = region === 'runtime' ? symbolize(gdb, path, addr - base) : null;
  return { addr: hex, region, where: file, symbol };
}

const cache = new Map<string, string | null>();

/** `info symbol` in the file, then `ptype/o` to name the member of a struct symbol the offset falls in. */
export function symbolize(gdb: string, file: string, vaddr: bigint): string | null {
  const key = `${file}:${vaddr}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  let out: string | null = null;
  try {
    const info = run(gdb, file, [`info symbol 0x${vaddr.toString(16)}`]);
    const m = /^(\S+)(?: \+ (\d+))? in section/m.exec(info);
    if (m) {
      const sym = m[1] as string;
      const off = Number(m[2] ?? 0);
      out = sym;
      if (off > 0) {
        const member = memberAt(gdb, file, sym, off);
        out = member ? `${sym}.${member}` : `${sym}+${off}`;
      }
    }
  } catch {
    out = null;
  }
  cache.set(key, out);
  return out;
}

function memberAt(gdb: string, file: string, sym: string, off: number): string | null {
  const text = run(gdb, file, [`ptype/o ${sym}`]);
  // Lines like "/* 2568      |      40 */    __rtld_lock_recursive_t _dl_load_lock;" at depth 1.
  let best: string | null = null;
  for (const line of text.split('\n')) {
    const m =
      /^\/\*\s+(\d+)(?::\s*\d+)?\s*\|\s*(\d+)\s*\*\/\s{4}(?!\s)(.*?)([A-Za-z_][A-Za-z0-9_]*)(\[\d+\])*;/.exec(
        line,
      );
    if (!m) continue;
    const start = Number(m[1]);
    const size = Number(m[2]);
    if (off >= start && off < start + size) best = m[4] as string;
  }
  return best;
}

function run(gdb: string, file: string, cmds: string[]): string {
  return execFileSync(gdb, ['-nx', '-batch', ...cmds.flatMap((c) => ['-ex', c]), file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 60_000,
  });
}
