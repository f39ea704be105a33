// Handlers for the T32 'ctl' encodings (src/armcore/isa/t32-ctl.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T32_CTL_HANDLERS: HandlerTable = {
};
