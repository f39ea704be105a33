// T16_MEM: T16 encodings of the 'mem' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const T16_MEM: EncodingSpec[] = [
];
void enc;
