// T32_MEM: T32 encodings of the 'mem' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const T32_MEM: EncodingSpec[] = [
];
void enc;
