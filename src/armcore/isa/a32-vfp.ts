// A32_VFP: A32 encodings of the VFP group (VFPv3-D32). See encoding.ts for the pattern language.
import { enc, type EncodingSpec } from '../encoding.js';

export const A32_VFP: EncodingSpec[] = [
];
void enc;
