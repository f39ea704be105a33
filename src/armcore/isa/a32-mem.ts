// A32_MEM: A32 encodings of the 'mem' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const A32_MEM: EncodingSpec[] = [
];
void enc;
