// A32_DP: A32 data-processing encodings. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const A32_DP: EncodingSpec[] = [
  enc('MOV_imm', 'cccc 0011 101S xxxx dddd rrrr vvvv vvvv', 'MOV{S}{c} {Rd}, #{const}', 'dp'),
];
