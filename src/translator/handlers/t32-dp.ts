// Handlers for the T32 'dp' encodings (src/armcore/isa/t32-dp.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T32_DP_HANDLERS: HandlerTable = {
};
