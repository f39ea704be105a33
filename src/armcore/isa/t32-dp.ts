// T32_DP: T32 encodings of the 'dp' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const T32_DP: EncodingSpec[] = [
];
void enc;
