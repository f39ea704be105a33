// Per-encoding constraints for the random-instruction tester: which encodings are drawn, and how
// their field values are chosen so that the instruction is architecturally PREDICTABLE, keeps its
// memory accesses inside the test window and does not change control flow.
//
// Layout the firmware relies on (see firmware.ts):
//   R_BASE (r7) holds WINDOW_BASE, the middle of a 1 KiB memory window; every load/store uses it
//              (or SP, which also points there) as its base register.
//   R_OFF  (r6) holds a small offset (a multiple of 8 below 64) used as the index register.
// Immediate offsets are bounded (< 32 bytes before scaling) and shifts of the index to LSL #3,
// so every access stays inside the window. After any instruction that may write R_BASE, R_OFF or
// SP the generator re-establishes them (a "fixup").

import type { Encoding, Fields } from '../../armcore/encoding.js';

export const R_BASE = 7;
export const R_OFF = 6;
export const SP = 13;
export const PC = 15;

export interface Rng {
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  u32(): number;
}

/** Register-field letters (see the brief: d n m s t a u h l are registers). */
export const REG_LETTERS = new Set(['d', 'n', 'm', 's', 't', 'a', 'u', 'h', 'l']);
/** Register fields that are (or may be) written. */
export const DEST_LETTERS = new Set(['d', 't', 'u', 'h', 'l']);

/** Encodings never drawn, with the reason. */
export const EXCLUDED: Record<string, string> = {
  SDIV: 'UNDEFINED on Cortex-A9 (ID_ISAR0.Divide = 0); the UNDEF paths are covered by test/qemu/regressions.json',
  UDIV: 'as SDIV',
  SWP: 'SWP/SWPB are disabled by SCTLR.SW on Cortex-A9 (UNDEFINED vs deprecated behaviour differ)',
  SWPB: 'as SWP',
  STM_usr: 'user-bank registers have UNKNOWN reset values',
  LDM_usr: 'user-bank registers have UNKNOWN reset values',
  LDM_exc: 'exception return',
  POP_A2: 'single-register POP: handled through LDR_imm with SP',
  PUSH_A2: 'single-register PUSH: handled through STR_imm with SP',
  NOPHINT_H_lit: 'unallocated hint space',
  NOPHINT_SH_imm: 'unallocated hint space',
  NOPHINT_SH_imm8: 'unallocated hint space',
  NOPHINT_SH_reg: 'unallocated hint space',
  NOPHINT_SH_lit: 'unallocated hint space',
};

/** Is this encoding eligible for random testing at all? */
/** The few 'ctl' encodings that are safe: APSR access, hints, barriers. */
export const CTL_ALLOWED = new Set(['MRS', 'MSR_reg', 'MSR_imm', 'MRS_T1', 'MSR_reg_T1', 'NOP', 'YIELD', 'HINT', 'NOP_T1',
  'YIELD_T1', 'HINT_T1', 'NOP_T2', 'YIELD_T2', 'HINT_T2', 'DMB', 'DSB', 'ISB', 'DMB_T1', 'DSB_T1', 'ISB_T1',
  'SETEND', 'SETEND_T1']);

export function eligible(e: Encoding): boolean {
  // branches, system, coprocessor and exception-generating instructions are excluded
  if (e.group === 'ctl' && !CTL_ALLOWED.has(e.name)) return false;
  // VFP needs the FPU enabled and operand seeding of its own: the VFP mode (vfp.ts, --vfp)
  // covers it. Drawn here with the FPU off, they only test UNDEF paths and derail runs.
  if (e.group === 'vfp') return false;
  if (e.gen?.skip && !CTL_ALLOWED.has(e.name)) return false;
  if (EXCLUDED[e.name]) return false;
  return true;
}

function popcount(x: number): number { let n = 0; while (x) { n += x & 1; x >>>= 1; } return n; }

function regWidth(e: Encoding, k: string): number {
  return REG_LETTERS.has(k) ? (e.fieldWidth.get(k) ?? 0) : 0;
}

/** A random general-purpose register for a data operand: never SP or PC. */
function dataReg(rng: Rng, width: number, dest: boolean, a32: boolean): number {
  if (width === 3) {
    // Thumb low register; prefer non-reserved destinations so their results are observed
    for (;;) {
      const r = rng.int(8);
      if (dest && (r === R_BASE || r === R_OFF) && rng.chance(0.85)) continue;
      return r;
    }
  }
  for (;;) {
    const r = rng.int(15); // 0..14, lr included
    // A32 allows SP as an ordinary operand (a fixup follows when it is written); Thumb does not
    if (r === SP && (!a32 || !rng.chance(0.3))) continue;
    if (dest && (r === R_BASE || r === R_OFF) && rng.chance(0.85)) continue;
    return r;
  }
}

/**
 * Choose field values for one encoding. Returns undefined when the draw is rejected (the
 * caller draws again). `thumb` is true for T16/T32.
 */
export function drawFields(e: Encoding, rng: Rng): Fields | undefined {
  const f: Fields = {};
  const isMem = e.group === 'mem';
  const thumb = e.iset !== 'A32';
  for (const [k, w] of e.fieldWidth) {
    const rw = regWidth(e, k);
    if (k === 'c' && w === 4) { f[k] = rng.int(15); continue; }
    if (rw === 4 || rw === 3) {
      if (isMem && k === 'n') {
        // A32 loads may use PC as the base (literal style): they read the code, the same on both
        if (!thumb && rw === 4 && /^LDR(B|H|SB|SH|D)?_(imm|reg)$/.test(e.name) && rng.chance(0.05)) { f[k] = PC; continue; }
        f[k] = (rw === 4 && rng.chance(0.2)) ? SP : R_BASE;
        continue;
      }
      if (isMem && k === 'm') { f[k] = R_OFF; continue; }
      // A32 data processing (not register-shifted): PC as a source operand reads PC+8
      if (!thumb && !isMem && e.group === 'dp' && (k === 'n' || k === 'm') && !/_rsr$/.test(e.name) && rng.chance(0.04)) {
        f[k] = PC;
        continue;
      }
      f[k] = dataReg(rng, rw, DEST_LETTERS.has(k), !thumb);
      continue;
    }
    if (rw === 1 || rw === 2) { f[k] = rng.int(2 ** w); continue; }
    if (isMem) {
      if (k === 'r') { f[k] = rlist(e, rng, w); continue; }
      if (k === 'i') {
        // byte offset (A32 imm12 / imm8 split, T32 imm12 / imm8) or a scaled T16 imm5 / imm8
        const v = rng.chance(0.85) ? rng.int(4) * 8 : rng.int(32);
        f[k] = Math.min(v, 2 ** w - 1);
        continue;
      }
      if (k === 'v' && w === 5) { f[k] = rng.int(4); continue; } // A32 index shift amount
      if (k === 'y' && w === 2) { f[k] = rng.int(3); continue; } // LSL/LSR/ASR (no ROR/RRX)
      if ((k === 'P' || k === 'M') && e.iset === 'T16' && /^POP/.test(e.name)) { f[k] = 0; continue; }
    }
    f[k] = w >= 31 ? rng.u32() : rng.int(2 ** w);
  }
  return check(e, f, thumb) ? f : undefined;
}

function rlist(e: Encoding, rng: Rng, w: number): number {
  let m = 0;
  const n = 1 + rng.int(w === 8 ? 5 : 7);
  for (let i = 0; i < n; i++) m |= 1 << rng.int(w);
  if (w >= 16) m &= ~((1 << SP) | (1 << PC));
  if (e.iset === 'T32') m &= ~((1 << SP) | (1 << PC));
  return m & (2 ** w - 1);
}

/** Field combinations the ARM ARM calls UNPREDICTABLE (or that leave the window): reject. */
function check(e: Encoding, f: Fields, thumb: boolean): boolean {
  const hints = e.gen;
  const name = e.name;
  if (hints?.avoid) {
    for (const [k, vals] of Object.entries(hints.avoid)) if (f[k] !== undefined && vals.includes(f[k]!)) return false;
  }
  if (hints?.ok && !hints.ok(f)) return false;
  const has = (k: string) => f[k] !== undefined;
  // no register field may be PC (reads of PC are PREDICTABLE in some forms, but writes branch)
  for (const k of Object.keys(f)) {
    if (REG_LETTERS.has(k) && regWidth(e, k) === 4 && f[k] === PC) {
      const pcSourceOk = (!thumb && e.group === 'dp' && (k === 'n' || k === 'm') && !/_rsr$/.test(name)) ||
        (!thumb && k === 'n' && /^LDR(B|H|SB|SH|D)?_(imm|reg)$/.test(name) && f['P'] === 1 && f['W'] === 0);
      if (!pcSourceOk) return false;
    }
  }
  if (thumb) {
    // T32: SP as a data operand is UNPREDICTABLE almost everywhere
    for (const k of Object.keys(f)) {
      if (REG_LETTERS.has(k) && regWidth(e, k) === 4 && f[k] === SP && !(e.group === 'mem' && k === 'n')) return false;
    }
  }
  // MRS/MSR: APSR only (SPSR_svc is UNKNOWN; control bits would change mode); MSR writes
  // the flags (f) and/or GE (s) bytes
  if (/^MRS/.test(name) && f['R'] !== 0) return false;
  if (/^MSR/.test(name) && (f['R'] !== 0 || ![4, 8, 12].includes(f['k']!))) return false;
  // 64-bit results: RdHi == RdLo is UNPREDICTABLE
  if (has('h') && has('l') && f['h'] === f['l']) return false;
  // bitfields
  if (/^(BFI|BFC)$/.test(name) && has('k') && has('b') && f['k']! < f['b']!) return false;
  if (/^(SBFX|UBFX)$/.test(name) && has('w') && has('b') && f['b']! + f['w']! > 31) return false;
  if (e.group === 'mem') {
    const n = f['n'];
    const wback = (has('W') && f['W'] === 1) || (has('P') && f['P'] === 0) || /^(PUSH|POP)/.test(name) ||
      (e.iset === 'T16' && /^(STM|LDM)_T1$/.test(name));
    // transfer registers must differ from the base when writing back, and from each other
    for (const k of ['t', 'u', 'd']) {
      if (has(k) && n !== undefined && f[k] === n) return false;
    }
    if (has('t') && has('u') && f['t'] === f['u']) return false;
    if (has('d') && has('t') && f['d'] === f['t']) return false;
    // A32 doubleword: Rt even, not LR; the pair is Rt, Rt+1
    if (e.iset === 'A32' && /D(_|$)/.test(name) && /^(LDRD|STRD|LDREXD|STREXD)/.test(name)) {
      if (f['t']! & 1 || f['t'] === 14) return false;
      if (n !== undefined && f['t']! + 1 === n) return false;
      if (has('d') && (f['d'] === f['t']! + 1)) return false;
    }
    // A32 STREX*: Rd distinct from Rn and Rt (checked above)
    if (has('r')) {
      const r = f['r']!;
      if (r === 0) return false;
      if (e.iset === 'T32' && popcount(r) < 2) return false;
      if (n !== undefined && r & (1 << n)) {
        // base in the list: UNPREDICTABLE with writeback (and for Thumb STM)
        if (wback || e.iset !== 'A32') return false;
      }
      if (/^(PUSH|POP)/.test(name) && (r & (1 << SP))) return false;
    }
    if (e.iset === 'T16' && /^POP/.test(name) && f['P']) return false;
    // A32: P=0 W=1 is the unprivileged form (its own encoding) or UNPREDICTABLE (LDRD/STRD/LDRH...)
    if (e.iset === 'A32' && has('P') && has('W') && f['P'] === 0 && f['W'] === 1) return false;
    // STREXD: Rd must differ from Rt2 as well
    if (has('d') && has('u') && f['d'] === f['u']) return false;
    // T32 imm8 forms (1PUW): P=0 W=0 is UNDEFINED; keep those out of the random stream
    if (e.iset === 'T32' && has('P') && has('W') && f['P'] === 0 && f['W'] === 0) return false;
    // LDRT-style forms with PC/SP: covered above; unprivileged forms use the same window
    // A32 register-offset: Rm == Rn with writeback is UNPREDICTABLE (Rm is R_OFF, Rn is base)
  }
  return true;
}

/** Access size of an exclusive load/store ('' when not exclusive): a sequence keeps to one size. */
export function exclusiveSize(e: Encoding): string {
  const m = /^(LDREX|STREX)([BHD]?)$/.exec(e.name);
  return m ? (m[2] || 'W') : '';
}

/** Does executing this instruction possibly change R_BASE, R_OFF or SP (so a fixup must follow)? */
export function needsFixup(e: Encoding, f: Fields): boolean {
  if (e.group === 'mem') return true;
  if (/SP/.test(e.name)) return true;
  if (/^SETEND/.test(e.name)) return true; // not inside IT blocks (UNPREDICTABLE there)
  for (const k of Object.keys(f)) {
    if (!REG_LETTERS.has(k)) continue;
    const w = regWidth(e, k);
    if (w !== 3 && w !== 4) continue;
    if (f[k] === R_BASE || f[k] === R_OFF || f[k] === SP) return true;
  }
  return false;
}
