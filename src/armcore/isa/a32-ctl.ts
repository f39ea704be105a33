// A32_CTL: A32 encodings of the 'ctl' group. See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const A32_CTL: EncodingSpec[] = [
];
void enc;
