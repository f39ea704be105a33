// What an instruction handler sees and returns.
//
// A handler receives the decoded fields of one instruction and a translation context, and returns
// a closure specialised on those fields (an Op), or null when the encoding is UNDEFINED. It never
// checks the condition: the translator wraps the op for that (no check for AL). It never handles
// a PC operand either: when a register field (letters d n m s t a u h l, 4 bits wide) is 15, or
// the handler sets ctx.readsPc, the translator stores the PC-read value in r[15] just before the
// op runs. Handlers that compute Align(PC, 4) (Thumb literal loads, ADR) use ctx.pc directly.

import type { Cpu } from '../armcore/cpu.js';
import type { Encoding, Fields } from '../armcore/encoding.js';

export type Op = (c: Cpu) => void;

export interface TranslateOptions {
  /** Trap SVC 0x123456 / SVC 0xAB / HLT 0xF000 / HLT 0x3C as semihosting calls. */
  readonly semihosting: boolean;
  /** Decode VFP instructions (VFPv3-D32). Off until the VFP group is complete: they are UNDEFINED. */
  readonly vfp?: boolean;
}

export interface TContext {
  /** Address of this instruction. */
  readonly pc: number;
  /** 0 for A32, 1 for Thumb. */
  readonly thumb: 0 | 1;
  /** Instruction size in bytes (4 for A32 and 32-bit Thumb, 2 for 16-bit Thumb). */
  readonly size: 2 | 4;
  /** The value an instruction reads for the PC: pc + 8 in A32, pc + 4 in Thumb. */
  readonly pcRead: number;
  /** Thumb: inside an IT block (16-bit data-processing forms then do not set flags). */
  readonly inIT: boolean;
  /** Thumb: the last instruction of an IT block (branches are allowed only there). */
  readonly lastInIT: boolean;
  /** Condition this instruction executes under (14 = always). */
  readonly cond: number;
  /** Thumb: the IT block's condition for this instruction (14 outside IT blocks). */
  readonly itCond: number;
  readonly word: number;
  readonly encoding: Encoding;
  readonly opts: TranslateOptions;
  /** Set by the handler when the op may write the PC or change mode/state: the block ends here. */
  ends: boolean;
  /** Set by the handler when the op reads r[15] although no register field is 15. */
  readsPc: boolean;
  /** Set by the IT instruction: the ITSTATE for the instructions that follow. */
  newIT: number | undefined;
  /** Set by the handler when the translator must not wrap the op in `cond` (the op decides). */
  unconditional: boolean;
}

export type Handler = (f: Fields, x: TContext) => Op | null;

/** A handler table for one instruction set, by encoding name. */
export type HandlerTable = Record<string, Handler>;
