// NOR flash (src/soc/devices/pflash.ts) against QEMU 7.2: the probe firmware/probes/pflash
// (identifier, CFI query, status, word and buffered programming, block erase, lock and unknown
// commands, access widths, the alias of flash 0 at address 0) run on armada must print exactly
// what QEMU printed (pflash-probe.out, `make -C firmware/probes/pflash run`).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createBoard } from '../../src/soc/board.js';
import { BOARDS } from '../../src/soc/vexpress.js';
import { Pflash } from '../../src/soc/devices/pflash.js';

const DIR = new URL('../../firmware/probes/pflash/', import.meta.url).pathname;

function runProbe(): { text: string; result: string; errors: string[] } {
  let text = '';
  const errors: string[] = [];
  const dec = new TextDecoder();
  const board = createBoard(BOARDS['vexpress-a9']!, {
    ramMiB: 256,
    onGuestError: m => errors.push(m),
    semihosting: {
      io: { write: (_s, b) => { text += dec.decode(b); }, read: () => new Uint8Array(0), isatty: () => false },
      cmdline: 'probe',
    },
  });
  board.load(readFileSync(`${DIR}pflash-probe.elf`));
  let result = 'budget';
  for (let n = 0; n < 100; n++) {
    const r = board.run({ maxInsns: 1_000_000 });
    if (r.kind === 'exit') { result = `exit ${r.code}`; break; }
    if (r.kind === 'error') { result = `error ${r.message}`; break; }
  }
  return { text, result, errors };
}

describe('NOR flash against QEMU 7.2', () => {
  it('the pflash probe prints what QEMU printed', () => {
    const want = readFileSync(`${DIR}pflash-probe.out`, 'latin1').split('\n');
    const { text, result, errors } = runProbe();
    expect(result).toBe('exit 0');
    const got = text.split('\n');
    const diffs: string[] = [];
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (got[i] !== want[i]) diffs.push(`line ${i + 1}:\n  QEMU   ${want[i]}\n  armada ${got[i]}`);
    }
    expect(diffs.slice(0, 20).join('\n')).toBe('');
    expect(want.length).toBeGreaterThan(80);
    // the probe's unknown commands are reported as guest errors
    expect(errors.some(e => /flash0: unimplemented flash command sequence/.test(e))).toBe(true);
  });
});

describe('Pflash model', () => {
  const flash = () => new Pflash('f', 0x4000000, { guestError: () => {} });
  it('reads zero without an image; a program keeps its width; erase fills the 256 KiB block', () => {
    const f = flash();
    expect(f.read(0x123454, 4)).toBe(0);
    f.write(0x10002, 2, 0x40); f.write(0x10002, 2, 0xbeef); f.write(0, 4, 0xff);
    expect(f.read(0x10000, 4) >>> 0).toBe(0xbeef0000);
    f.write(0x7fffc, 4, 0x20); f.write(0x7fffc, 4, 0xd0); f.write(0, 4, 0xff);
    expect([f.read(0x40000, 4) >>> 0, f.read(0x3fffc, 4), f.read(0x80000, 4)]).toEqual([0xffffffff, 0, 0]);
  });
  it('state round-trips through saveState/loadState', () => {
    const f = flash();
    f.write(0x200, 4, 0x40); f.write(0x200, 4, 0x12345678); f.write(0, 4, 0x98);
    const g = flash();
    g.loadState(JSON.parse(JSON.stringify(f.saveState())));
    expect(g.read(0x40, 4)).toBe(0x00510051);
    g.write(0, 4, 0xff);
    expect(g.read(0x200, 4)).toBe(0x12345678);
  });
});

describe('table walks into the flash (regression: the MMU probe line "L2 table at PA 40000000")', () => {
  it('a second-level table in flash reads zeros: page translation fault 0x07 (domain 7), not walk abort 0x0e', () => {
    const board = createBoard(BOARDS['vexpress-a9']!, { ramMiB: 256 });
    const cpu = board.cpu;
    const L1 = 0x60100000;
    board.bus.write(L1 + 4 * 0x100, 4, 0x40000000 | (7 << 5) | 1); // VA 0x10000000: L2 table at PA 0x40000000
    cpu.ttbr0 = L1; cpu.dacr = 1 << 14; cpu.sctlr |= 1;
    expect(cpu.mmu.walk(0x10000344, 0, false)).toBe(false);
    expect(cpu.mmu.res.fsr).toBe(0x77);
    expect(cpu.mmu.res.walkAbort).toBe(false);
  });
});
