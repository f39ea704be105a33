// T32_CTL: T32 encodings of the 'ctl' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const T32_CTL: EncodingSpec[] = [
];
void enc;
