// `armada run --stats` and `--tb-cache-insns N`, through the CLI's run loop (in-process).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGuest, type RunConfig, type RunHost } from '../../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function run(cfg: Partial<RunConfig>): Promise<{ code: number; out: string; err: string[] }> {
  const out: number[] = [];
  const err: string[] = [];
  const host: RunHost = {
    io: { write: (_s, b) => { out.push(...b); }, read: () => new Uint8Array(0), isatty: () => false },
    uartOut: b => { out.push(...b); },
    err: line => { err.push(line); },
    inputArrived: () => Promise.resolve(),
    interrupted: () => undefined,
  };
  const image = join(ROOT, 'firmware/smc/images/smc-thumb.elf');
  const code = await runGuest({
    image: readFileSync(image), imageName: image, board: 'vexpress-a9', ramMiB: 1024, semihosting: true, trace: false,
    ...cfg,
  }, host);
  return { code, out: Buffer.from(out).toString('latin1'), err };
}

describe('armada run --stats / --tb-cache-insns', () => {
  it('prints the cache statistics, and a small bound evicts without changing the output', async () => {
    const big = await run({ stats: true });
    const small = await run({ stats: true, tbCacheInsns: 64 });
    expect(big.code).toBe(0);
    expect(small.code).toBe(0);
    expect(small.out).toBe(big.out);
    const line = (r: { err: string[] }) => r.err.find(l => l.includes('translations of'))!;
    expect(line(big)).toMatch(/\d+ block hits, \d+ misses, [1-9]\d* invalidated, 0 evicted, \d+ hot-compiled/);
    expect(line(small)).toMatch(/[1-9]\d* evicted/);
    const cached = Number(/\((\d+) instructions\) cached/.exec(line(small))![1]);
    expect(cached).toBeLessThanOrEqual(64);
  });

  it('--max-insns stops after exactly that many instructions', async () => {
    const r = await run({ maxInsns: 12345 });
    expect(r.code).toBe(124);
    expect(r.err.join('\n')).toMatch(/after 12345 instructions/);
  });
});
