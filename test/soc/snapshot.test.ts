// Snapshots: save a board mid-run, restore it onto a fresh board, and the restored board runs on
// exactly as the original: same output, same instruction count, same final state.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBoard, vexpressA9, type Board } from '../../src/soc/index.js';
import { SnapshotError } from '../../src/soc/snapshot.js';
import type { SemihostingIO } from '../../src/armcore/semihosting.js';

const ROOT = join(import.meta.dirname, '..', '..');

function boardWithOutput(): { board: Board; out: number[] } {
  const out: number[] = [];
  const io: SemihostingIO = {
    write: (_s, bytes) => { out.push(...bytes); },
    read: () => new Uint8Array(0),
    isatty: () => false,
  };
  const board = createBoard(vexpressA9, { ramMiB: 64, semihosting: { io, cmdline: 'prog' } });
  return { board, out };
}

function runToEnd(b: Board): ReturnType<Board['run']> {
  for (;;) {
    const r = b.run({ maxInsns: 1_000_000 });
    if (r.kind !== 'budget') return r;
  }
}

const text = (a: number[]) => Buffer.from(a).toString('latin1');

describe('snapshots', () => {
  for (const image of ['test/cprogs/images/hf_math.arm.elf', 'test/cprogs/images/qsort.thumb.elf', 'firmware/images/t_sys-arm.elf']) {
    it(`a run restored mid-way from a snapshot finishes exactly as the original (${image})`, () => {
      const bytes = readFileSync(join(ROOT, image));
      const whole = boardWithOutput();
      whole.board.load(bytes);
      const end = runToEnd(whole.board);
      expect(end.kind).toBe('exit');
      const total = whole.board.cpu.icount;
      expect(total).toBeGreaterThan(10_000);

      const first = boardWithOutput();
      first.board.load(bytes);
      expect(first.board.run({ maxInsns: Math.floor(total / 2) }).kind).toBe('budget');
      const snap = first.board.saveSnapshot();
      const atSnap = first.board.cpu.icount;

      const second = boardWithOutput();
      second.board.loadSnapshot(snap);
      expect(second.board.cpu.icount).toBe(atSnap);
      expect(runToEnd(second.board)).toEqual(end);
      expect(second.board.cpu.icount).toBe(total);
      expect(text(first.out) + text(second.out)).toBe(text(whole.out));
      expect(Array.from(second.board.cpu.r)).toEqual(Array.from(whole.board.cpu.r));
      expect(second.board.cpu.cpsr).toBe(whole.board.cpu.cpsr);
      expect(Array.from(second.board.cpu.fp.regs)).toEqual(Array.from(whole.board.cpu.fp.regs));
      // the original, run on, agrees too (saving did not disturb it)
      expect(runToEnd(first.board)).toEqual(end);
      expect(first.board.cpu.icount).toBe(total);
    });
  }

  it('rejects what is not a snapshot, or one of another machine, with a clear error', () => {
    const b = boardWithOutput().board;
    expect(() => b.loadSnapshot(new Uint8Array([1, 2, 3]))).toThrow(SnapshotError);
    expect(() => b.loadSnapshot(new Uint8Array([1, 2, 3]))).toThrow(/not an armada snapshot/);
    const other = createBoard(vexpressA9, { ramMiB: 32 });
    expect(() => b.loadSnapshot(other.saveSnapshot())).toThrow(/32 MiB of RAM; this board has 64 MiB/);
  });
});
