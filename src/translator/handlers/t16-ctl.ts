// Handlers for the T16 'ctl' encodings (src/armcore/isa/t16-ctl.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T16_CTL_HANDLERS: HandlerTable = {
};
