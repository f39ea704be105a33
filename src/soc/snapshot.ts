// Machine snapshots: the complete state of a board as bytes, restorable onto a new board built
// from the same description and options, which then runs on exactly as the original would.
//
// What is saved: the CPU (registers, banks, CPSR, system registers, VFP, the exclusive monitor,
// the instruction count), every coprocessor's state, RAM that the guest has touched (untouched
// chunks read as zero on both sides), each device's state, and the virtual clock with every
// armed timer. What is not: caches that are rebuilt on demand (software TLBs, translated blocks,
// code-page marks). Translation is a pure function of memory and CPU state, so the restored
// board translates the same blocks and counts the same instructions.
//
// CPU and coprocessor state is captured field by field from the objects themselves (numbers,
// booleans, typed arrays, nested state objects), so state a later change adds to the CPU is
// saved without a list to keep in step; what is cache or wiring is named in SKIP.
//
// Format: gzip of  "ARMADA-SNAPSHOT 1\n" | u32 LE header length | JSON header | RAM chunks, each
// u32 LE region index, u32 LE chunk index, CHUNK_SIZE bytes.

import { gunzipSync, gzipSync } from 'node:zlib';
import { CHUNK_SIZE } from '../armcore/bus.js';
import type { Board } from './board.js';

const MAGIC = 'ARMADA-SNAPSHOT 1\n';

/** Fields that are wiring or rebuildable caches, not machine state. */
const SKIP = new Set([
  'bus', 'host', 'mmu', 'cp', 'tlbSets', 'codePages', 'tlbRTag', 'tlbWTag', 'tlbROff', 'tlbWOff', 'tlbRView',
  'tlbWView', 'tlbWPage', 'tlbRBase', 'tlbWBase', 'itlbTag', 'itlbPa', 'cpu', 'res',
]);

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

type Captured = { [k: string]: unknown };

function isTypedArray(v: unknown): v is Int32Array | Uint32Array | Uint8Array | Uint16Array | Int16Array | Int8Array | Float64Array | Float32Array {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

function capture(o: object, seen: Set<object>): Captured {
  seen.add(o);
  const out: Captured = {};
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k) || typeof v === 'function' || v === undefined) continue;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v === null) out[k] = v;
    else if (typeof v === 'bigint') out[k] = { $bigint: v.toString() };
    else if (isTypedArray(v)) out[k] = { $typed: Array.from(v as ArrayLike<number>) };
    else if (v instanceof DataView || v instanceof Map || v instanceof Set) continue;
    else if (Array.isArray(v)) {
      if (v.every(x => typeof x === 'number')) out[k] = { $array: v.slice() };
    } else if (typeof v === 'object') {
      if (seen.has(v)) continue;
      out[k] = { $object: capture(v, seen) };
    }
  }
  return out;
}

function restore(o: Record<string, unknown>, saved: Captured, path: string): void {
  for (const [k, s] of Object.entries(saved)) {
    const cur = o[k];
    if (s === null || typeof s !== 'object') {
      if (cur !== null && typeof cur === 'object' && s !== null) throw new SnapshotError(`snapshot field ${path}${k} does not fit this machine`);
      o[k] = s;
      continue;
    }
    const box = s as Record<string, unknown>;
    if ('$typed' in box) {
      if (!isTypedArray(cur)) throw new SnapshotError(`snapshot field ${path}${k} does not fit this machine`);
      const a = box['$typed'] as number[];
      if (a.length !== cur.length) throw new SnapshotError(`snapshot field ${path}${k} has ${a.length} elements, not ${cur.length}`);
      cur.set(a);
    } else if ('$array' in box) {
      o[k] = (box['$array'] as number[]).slice();
    } else if ('$bigint' in box) {
      o[k] = BigInt(box['$bigint'] as string);
    } else if ('$object' in box) {
      const inner = box['$object'] as Captured;
      if (cur !== null && typeof cur === 'object') restore(cur as Record<string, unknown>, inner, `${path}${k}.`);
      else o[k] = plain(inner); // e.g. cpu.halted: null now, an object in the snapshot
    } else {
      throw new SnapshotError(`snapshot field ${path}${k} is malformed`);
    }
  }
}

function plain(c: Captured): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    out[k] = v !== null && typeof v === 'object' && '$object' in (v as object) ? plain((v as { $object: Captured }).$object) : v;
  }
  return out;
}

interface Header {
  board: string;
  ramMiB: number;
  cpu: Captured;
  coprocessors: Record<string, Captured>;
  devices: Record<string, unknown>;
  clock: unknown;
  idleNs: number;
  semihosting: unknown;
  chunks: number;
}

function semihostingState(board: Board): unknown {
  if (!board.semihosting) return null;
  try { return board.semihosting.saveState(); } catch (e) { throw new SnapshotError((e as Error).message); }
}

/** The board's complete state as bytes. Call between runs (not from inside a device callback). */
export function saveSnapshot(board: Board): Uint8Array {
  const cpu = board.cpu;
  const coprocessors: Record<string, Captured> = {};
  cpu.cp.forEach((cp, i) => { if (cp) coprocessors[String(i)] = capture(cp, new Set([cpu])); });
  const devices: Record<string, unknown> = {};
  for (const [name, d] of board.devices) devices[name] = d.saveState();
  const chunks: Buffer[] = [];
  board.bus.ram.forEach((r, ri) => {
    r.chunks.forEach((dv, ci) => {
      if (!dv) return;
      const head = Buffer.alloc(8);
      head.writeUInt32LE(ri, 0); head.writeUInt32LE(ci, 4);
      chunks.push(head, Buffer.from(dv.buffer, dv.byteOffset, CHUNK_SIZE));
    });
  });
  const header: Header = {
    board: board.spec.name,
    ramMiB: board.ramSize / 1048576,
    cpu: capture(cpu, new Set()),
    coprocessors,
    devices,
    clock: board.clock.saveState(),
    idleNs: board.idleTime,
    semihosting: semihostingState(board),
    chunks: chunks.length / 2,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return new Uint8Array(gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, json, ...chunks]), { level: 1 }));
}

/** Put a snapshot's state into `board`, which must be built from the same description and RAM size. */
export function loadSnapshot(board: Board, bytes: Uint8Array): void {
  let raw: Buffer;
  try { raw = gunzipSync(bytes); } catch { throw new SnapshotError('not an armada snapshot (not gzip data)'); }
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new SnapshotError('not an armada snapshot (bad magic)');
  const len = raw.readUInt32LE(MAGIC.length);
  let header: Header;
  try { header = JSON.parse(raw.subarray(MAGIC.length + 4, MAGIC.length + 4 + len).toString('utf8')) as Header; } catch {
    throw new SnapshotError('snapshot header is corrupt');
  }
  if (header.board !== board.spec.name) throw new SnapshotError(`snapshot is of a ${header.board} board, not ${board.spec.name}`);
  if (header.ramMiB !== board.ramSize / 1048576) throw new SnapshotError(`snapshot has ${header.ramMiB} MiB of RAM; this board has ${board.ramSize / 1048576} MiB`);
  const want = new Set(Object.keys(header.devices));
  for (const name of board.devices.keys()) if (!want.has(name)) throw new SnapshotError(`snapshot has no state for device ${name}`);

  const cpu = board.cpu;
  // RAM: clear what the new board has touched, then copy the snapshot's chunks.
  for (const r of board.bus.ram) r.reset();
  let off = MAGIC.length + 4 + len;
  for (let i = 0; i < header.chunks; i++) {
    if (off + 8 + CHUNK_SIZE > raw.length) throw new SnapshotError('snapshot is truncated');
    const ri = raw.readUInt32LE(off), ci = raw.readUInt32LE(off + 4);
    const region = board.bus.ram[ri];
    if (!region || ci >= region.chunks.length) throw new SnapshotError('snapshot RAM does not fit this board');
    const dv = region.chunk(region.base + ci * CHUNK_SIZE);
    new Uint8Array(dv.buffer, dv.byteOffset, CHUNK_SIZE).set(raw.subarray(off + 8, off + 8 + CHUNK_SIZE));
    off += 8 + CHUNK_SIZE;
  }
  restore(cpu as unknown as Record<string, unknown>, header.cpu, 'cpu.');
  for (const [i, st] of Object.entries(header.coprocessors)) {
    const cp = cpu.cp[Number(i)];
    if (!cp) throw new SnapshotError(`snapshot has coprocessor ${i}, this board does not`);
    restore(cp as unknown as Record<string, unknown>, st, `cp${i}.`);
  }
  for (const [name, st] of Object.entries(header.devices)) board.device(name).loadState(st as Record<string, unknown>);
  board.clock.loadState(header.clock as Parameters<typeof board.clock.loadState>[0]);
  board.idleTime = header.idleNs;
  if ((header.semihosting === null) !== (board.semihosting === undefined)) {
    throw new SnapshotError(`snapshot was taken with semihosting ${header.semihosting === null ? 'off' : 'on'}; this board has it ${board.semihosting ? 'on' : 'off'}`);
  }
  board.semihosting?.loadState(header.semihosting as Parameters<NonNullable<Board['semihosting']>['loadState']>[0]);
  // Caches derived from the state: start empty.
  cpu.flushTlb();
  board.engine.invalidateAll();
}
