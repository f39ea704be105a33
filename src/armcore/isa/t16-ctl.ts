// T16_CTL: T16 encodings of the 'ctl' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const T16_CTL: EncodingSpec[] = [
];
void enc;
