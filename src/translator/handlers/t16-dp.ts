// Handlers for the T16 'dp' encodings (src/armcore/isa/t16-dp.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T16_DP_HANDLERS: HandlerTable = {
};
