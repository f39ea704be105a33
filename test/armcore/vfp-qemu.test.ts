// The VFP instruction probe (firmware/probes/vfp-insn: every VFPv3 instruction form, A32 and T32
// builds) run on armada must print exactly what QEMU 7.2 printed (golden-*.txt, `make` there).
// The board is created with the translator option vfp on (no CLI flag yet).
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { createBoard } from '../../src/soc/board.js';
import { BOARDS } from '../../src/soc/vexpress.js';
import type { TranslateOptions } from '../../src/translator/types.js';

const DIR = new URL('../../firmware/probes/vfp-insn/', import.meta.url).pathname;

export function runProbe(elf: string, maxInsns = 50_000_000): string {
  let text = '';
  const dec = new TextDecoder();
  const board = createBoard(BOARDS['vexpress-a9']!, {
    semihosting: {
      io: { write: (_s, b) => { text += dec.decode(b); }, read: () => new Uint8Array(0), isatty: () => false },
      cmdline: 'probe',
    },
  });
  (board.engine.opts as { -readonly [K in keyof TranslateOptions]: TranslateOptions[K] }).vfp = true;
  board.load(readFileSync(elf));
  let done = 0;
  while (done < maxInsns) {
    const r = board.run({ maxInsns: 1_000_000 });
    done += 1_000_000;
    if (r.kind === 'exit' || r.kind === 'error') break;
    if (text.length > 4_000_000) break;
  }
  return text;
}

const golden = (name: string) => readFileSync(DIR + name, 'utf8').split('\n').filter(l => /^[a-z0-9.]+ [0-9a-f]{8}/.test(l));

describe.each(['arm', 'thumb'])('VFP probe, %s build, against QEMU', build => {
  it.skipIf(!existsSync(`${DIR}golden-${build}.txt`))('prints what QEMU printed', () => {
    // The one deliberate difference: MVFR1 reports no Advanced SIMD (QEMU: 01111111, NEON).
    const want = golden(`golden-${build}.txt`).map(l => l === 'sysregs 41033090 11110222 01111111 40000000'
      ? 'sysregs 41033090 11110222 01000011 40000000' : l);
    const got = runProbe(`${DIR}probe-${build}.elf`).split('\n').filter(l => /^[a-z0-9.]+ [0-9a-f]{8}/.test(l));
    expect(want.length).toBeGreaterThan(1000);
    const diffs: string[] = [];
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (want[i] !== got[i]) diffs.push(`#${i}: qemu '${want[i]}' armada '${got[i]}'`);
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  }, 120_000);
});
