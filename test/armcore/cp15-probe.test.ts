// The CP15 probe (firmware/probes/cp15: identification registers, the PMU, an MRC/MCR sweep of all
// 16,384 CP15 encodings from SVC and User mode, the Security Extensions with SMC round trips, TLB
// maintenance by MVA and the NOR flash regions) run on armada must print exactly what QEMU 7.2
// printed: firmware/probes/cp15/cp15-probe.out, recorded with `make -C firmware/probes/cp15 run`
// on `qemu-system-arm -M vexpress-a9 -m 256 -nographic -semihosting -kernel cp15-probe.elf`.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createBoard } from '../../src/soc/board.js';
import { BOARDS } from '../../src/soc/vexpress.js';

const DIR = new URL('../../firmware/probes/cp15/', import.meta.url).pathname;

export function runCp15Probe(elf = `${DIR}cp15-probe.elf`, maxInsns = 200_000_000): { text: string; result: string } {
  let text = '';
  const dec = new TextDecoder();
  const board = createBoard(BOARDS['vexpress-a9']!, {
    ramMiB: 256,
    semihosting: {
      io: { write: (_s, b) => { text += dec.decode(b); }, read: () => new Uint8Array(0), isatty: () => false },
      cmdline: 'probe',
    },
  });
  board.load(readFileSync(elf));
  let done = 0, result = 'budget';
  while (done < maxInsns) {
    const r = board.run({ maxInsns: 1_000_000 });
    done += 1_000_000;
    if (r.kind === 'exit') { result = `exit ${r.code}`; break; }
    if (r.kind === 'error') { result = `error ${r.message}`; break; }
  }
  return { text, result };
}

describe('CP15 probe against QEMU 7.2', () => {
  it('prints what QEMU printed, line for line', () => {
    const want = readFileSync(`${DIR}cp15-probe.out`, 'latin1').split('\n');
    const { text, result } = runCp15Probe();
    const got = text.split('\n');
    expect(result).toBe('exit 0');
    expect(want.length).toBeGreaterThan(2000);
    const diffs: string[] = [];
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (got[i] !== want[i]) diffs.push(`line ${i + 1}:\n  QEMU   ${want[i]}\n  armada ${got[i]}`);
    }
    expect(diffs.slice(0, 20).join('\n')).toBe('');
  }, 120_000);
});
