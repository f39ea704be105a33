// T16_DP: T16 encodings of the 'dp' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const T16_DP: EncodingSpec[] = [
];
void enc;
