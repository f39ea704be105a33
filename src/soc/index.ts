export * from './board.js';
export * from './clock.js';
export * from './device.js';
export * from './devices/pl011.js';
export * from './loader.js';
export * from './vexpress.js';
