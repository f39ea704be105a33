// All handler tables, merged per instruction set.
import type { HandlerTable } from '../types.js';
import { A32_DP_HANDLERS } from './a32-dp.js';
import { A32_MEM_HANDLERS } from './a32-mem.js';
import { A32_CTL_HANDLERS } from './a32-ctl.js';
import { A32_MEDIA_HANDLERS } from './a32-media.js';
import { A32_VFP_HANDLERS } from './a32-vfp.js';
import { T16_DP_HANDLERS } from './t16-dp.js';
import { T16_MEM_HANDLERS } from './t16-mem.js';
import { T16_CTL_HANDLERS } from './t16-ctl.js';
import { T16_MEDIA_HANDLERS } from './t16-media.js';
import { T32_DP_HANDLERS } from './t32-dp.js';
import { T32_MEM_HANDLERS } from './t32-mem.js';
import { T32_CTL_HANDLERS } from './t32-ctl.js';
import { T32_MEDIA_HANDLERS } from './t32-media.js';
import { T32_VFP_HANDLERS } from './t32-vfp.js';

export const A32_HANDLERS: HandlerTable = { ...A32_DP_HANDLERS, ...A32_MEDIA_HANDLERS, ...A32_MEM_HANDLERS, ...A32_CTL_HANDLERS, ...A32_VFP_HANDLERS };
export const T16_HANDLERS: HandlerTable = { ...T16_DP_HANDLERS, ...T16_MEDIA_HANDLERS, ...T16_MEM_HANDLERS, ...T16_CTL_HANDLERS };
export const T32_HANDLERS: HandlerTable = { ...T32_DP_HANDLERS, ...T32_MEDIA_HANDLERS, ...T32_MEM_HANDLERS, ...T32_CTL_HANDLERS, ...T32_VFP_HANDLERS };
