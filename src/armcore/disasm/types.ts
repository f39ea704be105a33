import type { Encoding, Fields } from '../encoding.js';

export interface DisContext {
  /** Address of the instruction. */
  readonly pc: number;
  readonly encoding: Encoding;
  /** Condition suffix already resolved ('' for AL); Thumb: from the IT block. */
  readonly cond: string;
  /** Thumb: inside an IT block (T16 flag-setting forms then print without S). */
  readonly inIT: boolean;
}

/** A formatter gets the fields and the field letters named in the template, e.g. {const:r,v}. */
export type Formatter = (f: Fields, args: readonly string[], x: DisContext) => string;
export type Formatters = Record<string, Formatter>;
