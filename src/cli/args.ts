// A small argument parser: options with values (--name VALUE or --name=VALUE), flags, positionals,
// and everything after `--` kept apart.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  /** Takes a value (otherwise a flag). */
  value?: boolean;
  /** Short alias, e.g. 'm' for -m. */
  short?: string;
}

export interface Parsed {
  opts: Record<string, string | boolean | undefined>;
  positionals: string[];
  rest: string[] | undefined;
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): Parsed {
  const opts: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  let rest: string[] | undefined;
  const byShort = new Map<string, string>();
  for (const [k, s] of Object.entries(spec)) if (s.short) byShort.set(s.short, k);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { rest = argv.slice(i + 1); break; }
    let name: string | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      inline = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (!(name in spec)) throw new UsageError(`unknown option --${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      const s = a.slice(1, 2);
      name = byShort.get(s);
      if (!name) throw new UsageError(`unknown option ${a}`);
      if (a.length > 2) inline = a.slice(2);
    } else {
      positionals.push(a);
      continue;
    }
    const s = spec[name]!;
    if (s.value) {
      let v = inline;
      if (v === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`option --${name} needs a value`);
        v = argv[++i]!;
      }
      opts[name] = v;
    } else {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      opts[name] = true;
    }
  }
  return { opts, positionals, rest };
}

/** A non-negative integer: decimal, 0x hex, or with a k/M/G suffix (powers of 1000). */
export function parseCount(name: string, text: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text.trim()) ?? null;
  let v: number;
  if (m) {
    v = Number(m[1]) * ({ '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 } as Record<string, number>)[m[2]!]!;
  } else if (/^0x[0-9a-f]+$/i.test(text.trim())) {
    v = Number.parseInt(text.trim().slice(2), 16);
  } else {
    throw new UsageError(`${name}: '${text}' is not a count`);
  }
  if (!Number.isSafeInteger(v)) throw new UsageError(`${name}: '${text}' is too large`);
  return v;
}

/** A 32-bit address: 0x hex or decimal. */
export function parseAddr(name: string, text: string): number {
  const t = text.trim();
  let v: number;
  if (/^0x[0-9a-f]+$/i.test(t)) v = Number.parseInt(t.slice(2), 16);
  else if (/^\d+$/.test(t)) v = Number(t);
  else throw new UsageError(`${name}: '${text}' is not an address`);
  if (v > 0xffffffff) throw new UsageError(`${name}: '${text}' is beyond 32 bits`);
  return v >>> 0;
}

/** Seconds, possibly fractional. */
export function parseSeconds(name: string, text: string): number {
  const v = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(v) || v <= 0) throw new UsageError(`${name}: '${text}' is not a positive number of seconds`);
  return v;
}

/** RAM size as QEMU's -m takes it: MiB, or with an M/G suffix (G = 1024 MiB). */
export function parseMiB(name: string, text: string): number {
  const m = /^(\d+)([mMgG]?)$/.exec(text.trim());
  if (!m) throw new UsageError(`${name}: '${text}' is not a size in MiB (e.g. 128, 256M, 1G)`);
  const v = Number(m[1]) * (/[gG]/.test(m[2]!) ? 1024 : 1);
  if (!Number.isSafeInteger(v)) throw new UsageError(`${name}: '${text}' is too large`);
  return v;
}
