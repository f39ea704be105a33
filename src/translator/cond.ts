// Condition codes: a closure per condition, so an AL instruction pays nothing and a conditional
// one pays a single flag test.

import type { Cpu } from '../armcore/cpu.js';
import type { Op } from './types.js';

export const COND_NAMES = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', '', ''] as const;

/** ConditionPassed for the current flags. */
export function condPassed(c: Cpu, cond: number): boolean {
  switch (cond) {
    case 0: return c.z === 1;
    case 1: return c.z === 0;
    case 2: return c.c === 1;
    case 3: return c.c === 0;
    case 4: return c.n === 1;
    case 5: return c.n === 0;
    case 6: return c.v === 1;
    case 7: return c.v === 0;
    case 8: return c.c === 1 && c.z === 0;
    case 9: return c.c === 0 || c.z === 1;
    case 10: return c.n === c.v;
    case 11: return c.n !== c.v;
    case 12: return c.z === 0 && c.n === c.v;
    case 13: return c.z === 1 || c.n !== c.v;
    default: return true;
  }
}

export function conditional(cond: number, op: Op): Op {
  switch (cond) {
    case 0: return c => { if (c.z) op(c); };
    case 1: return c => { if (!c.z) op(c); };
    case 2: return c => { if (c.c) op(c); };
    case 3: return c => { if (!c.c) op(c); };
    case 4: return c => { if (c.n) op(c); };
    case 5: return c => { if (!c.n) op(c); };
    case 6: return c => { if (c.v) op(c); };
    case 7: return c => { if (!c.v) op(c); };
    case 8: return c => { if (c.c && !c.z) op(c); };
    case 9: return c => { if (!c.c || c.z) op(c); };
    case 10: return c => { if (c.n === c.v) op(c); };
    case 11: return c => { if (c.n !== c.v) op(c); };
    case 12: return c => { if (!c.z && c.n === c.v) op(c); };
    case 13: return c => { if (c.z || c.n !== c.v) op(c); };
    default: return op;
  }
}

/** ITSTATE after executing one instruction of an IT block. */
export function itAdvance(it: number): number {
  return (it & 7) === 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
}

export function itCond(it: number): number {
  return (it & 0xf) === 0 ? 14 : it >>> 4;
}
