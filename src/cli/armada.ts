#!/usr/bin/env node
// The `armada` command.

import * as fs from 'node:fs';
import { parseArgs, parseAddr, parseCount, parseMiB, parseSeconds, UsageError } from './args.js';
import { EXIT, runGuest, buildBoard, type RunConfig, type RunHost } from './run.js';
import { disasmImage } from './disasm.js';
import { processIO, writeAll, writeText, StdinQueue, ConsoleEscape } from './hostio.js';
import { BOARDS } from '../soc/vexpress.js';
import { LoadError } from '../soc/loader.js';
import { ElfError } from '../armcore/elf.js';
import { EnvSettingError } from '../translator/engine.js';

const MAIN_HELP = `Usage: armada COMMAND [OPTIONS]

An ARMv7-A full-system emulator (reference behaviour: QEMU 7.2).

Commands:
  run IMAGE      run a guest program on an emulated board
  disasm IMAGE   disassemble an ELF file or a raw binary
  help [COMMAND] show help for a command

Run 'armada COMMAND --help' for a command's options.
`;

const RUN_HELP = `Usage: armada run IMAGE [OPTIONS] [-- GUEST-ARGS...]
       armada run --kernel zImage --dtb BOARD.dtb [--initrd INITRD] [--append CMDLINE] [OPTIONS]

Run IMAGE on an emulated board. IMAGE is an ELF32 little-endian ARM executable (PT_LOAD segments
are loaded at their physical addresses, execution starts at the entry point, in Thumb state when
bit 0 of the entry is set) or, with --load-addr, a raw binary entered at its load address.
The CPU starts as QEMU starts a bare-metal -kernel image: SVC mode, IRQ/FIQ/aborts masked, MMU
off, all registers (SP included) zero.

Options:
  --board NAME              board to emulate (default vexpress-a9; boards: ${Object.keys(BOARDS).join(', ')})
  -m, --memory SIZE         RAM size in MiB, or with an M/G suffix (default 128, at most 1024 on
                            vexpress-a9)
  --semihosting             enable ARM semihosting (SVC 0x123456 / SVC 0xAB / HLT)
  --semihosting-root DIR    host directory the guest may open files under (default: none, every
                            open of a host file fails with ENOENT); no path may leave DIR
  --max-insns N             stop after N guest instructions (N may end in k, M or G)
  --timeout SECONDS         stop after SECONDS of wall-clock time
  --load-addr ADDR          IMAGE is a raw binary: load it at ADDR and start there
  --trace                   print every executed instruction to stderr (slow), and guest errors
                            (accesses where nothing is mapped, bad device registers)
  --stats                   print instructions, virtual time, MIPS and translation counts to
                            stderr at the end
  --tb-cache-insns N        bound the translation cache to N guest instructions (default 128k;
                            at least 64); least recently used blocks are dropped beyond it
  --kernel FILE             boot a Linux kernel (zImage) as QEMU's -kernel does: loaded at RAM
                            base + 0x10000, entered through QEMU's boot stub with r0=0,
                            r1=0x8e0 (vexpress board ID), r2=the DTB's address
  --dtb FILE                the device tree blob (needed with --kernel); /memory and /chosen
                            (bootargs, linux,initrd-start/end) are written from the options
  --initrd FILE             initial ramdisk, at RAM base + min(RAM/2, 128 MiB)
  --append CMDLINE          kernel command line (/chosen bootargs)
  --screenshot FILE         write the display's frame as a PNG file at exit
  --realtime                pace virtual time to the host clock while the guest idles (the
                            default when stdin is a terminal): an idle guest costs almost no CPU,
                            but runs are no longer deterministic
  --deterministic           never pace to the host clock (the default for pipes and files): an
                            idle guest skips straight to its next timer event
  -h, --help                show this help
  -- GUEST-ARGS...          the command line SYS_GET_CMDLINE returns, argv[0] first (default:
                            IMAGE as given, as QEMU does)

Console: UART0 is the terminal. Ctrl-A x quits (exit status 0), Ctrl-A Ctrl-A sends a Ctrl-A,
as in QEMU's -nographic; when stdin is a terminal it is put in raw mode, so Ctrl-C goes to the
guest. With --kernel, a "Kernel panic - not syncing" line on the console ends the run (exit 4).

Streams: UART0 output and output the guest writes to semihosting ":tt" (stdout) go to stdout;
semihosting SYS_WRITEC/SYS_WRITE0 (the semihosting console) and ":tt" opened for append go to
stderr, as in QEMU 7.2. With --semihosting, stdin feeds semihosting reads; without it, stdin
feeds UART0.

Exit status:
  0-255  the guest's exit code (semihosting SYS_EXIT: 0 for ADP_Stopped_ApplicationExit,
         otherwise 1; SYS_EXIT_EXTENDED: the status the guest gives, modulo 256)
  2      bad usage (options, or a malformed ARMADA_* environment setting), or a bad image
         (not ELF, not 32-bit little-endian ARM, truncated, a segment outside RAM)
  3      internal error in armada
  4      the guest stopped on an error (unsupported semihosting call, a Linux kernel panic)
  124    --timeout or --max-insns reached (stderr names the limit and the PC)
  130    interrupted (SIGINT, Ctrl-C); 143 terminated (SIGTERM)
`;

const DISASM_HELP = `Usage: armada disasm IMAGE [OPTIONS]

Disassemble the executable sections of an ELF file (mapping symbols $a/$t/$d choose ARM, Thumb
or data), or a raw binary with --load-addr. Output is objdump-like: address, word, text;
words that do not decode print as .word with 'undefined'.

Options:
  --thumb            decode as Thumb where nothing says otherwise (raw binaries, ELF files
                     without mapping symbols)
  --load-addr ADDR   IMAGE is a raw binary loaded at ADDR
  -h, --help         show this help
`;

function readImage(file: string, what?: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(`${what ? what + ': ' : ''}cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}`);
  }
}

let signalled: 'SIGINT' | 'SIGTERM' | undefined;

async function cmdRun(argv: string[]): Promise<number> {
  const p = parseArgs(argv, {
    board: { value: true }, memory: { value: true, short: 'm' }, semihosting: {},
    'semihosting-root': { value: true }, 'max-insns': { value: true }, timeout: { value: true },
    'load-addr': { value: true }, trace: {}, stats: {}, 'tb-cache-insns': { value: true }, help: { short: 'h' },
    kernel: { value: true }, dtb: { value: true }, initrd: { value: true }, append: { value: true },
    screenshot: { value: true }, realtime: {}, deterministic: {},
  });
  if (p.opts['help']) { writeText(1, RUN_HELP); return 0; }
  const kernel = p.opts['kernel'] as string | undefined;
  if (kernel !== undefined) {
    if (p.positionals.length !== 0) throw new UsageError(`run: give either IMAGE or --kernel, not both (got ${p.positionals.join(' ')})`);
    if (p.opts['dtb'] === undefined) throw new UsageError('--kernel needs --dtb (the board\'s device tree; ATAG boot is not supported)');
    if (p.opts['load-addr'] !== undefined) throw new UsageError('--load-addr does not go with --kernel');
    if (p.opts['semihosting']) throw new UsageError('--semihosting does not go with --kernel');
  } else {
    for (const o of ['dtb', 'initrd', 'append']) if (p.opts[o] !== undefined) throw new UsageError(`--${o} needs --kernel`);
    if (p.positionals.length !== 1) throw new UsageError(p.positionals.length === 0 ? 'run: IMAGE is missing' : `run: one IMAGE expected, got ${p.positionals.join(' ')}`);
  }
  const board = (p.opts['board'] as string | undefined) ?? 'vexpress-a9';
  if (!BOARDS[board]) throw new UsageError(`unknown board '${board}' (boards: ${Object.keys(BOARDS).join(', ')})`);
  const root = p.opts['semihosting-root'] as string | undefined;
  if (root !== undefined) {
    if (!p.opts['semihosting']) throw new UsageError('--semihosting-root needs --semihosting');
    let st: fs.Stats;
    try { st = fs.statSync(root); } catch { throw new UsageError(`--semihosting-root: ${root} does not exist`); }
    if (!st.isDirectory()) throw new UsageError(`--semihosting-root: ${root} is not a directory`);
  }
  const cfg: RunConfig = {
    image: new Uint8Array(0),
    imageName: kernel ?? p.positionals[0]!,
    board,
    ramMiB: p.opts['memory'] !== undefined ? parseMiB('-m', p.opts['memory'] as string) : undefined,
    semihosting: !!p.opts['semihosting'],
    semihostingRoot: root,
    guestArgs: p.rest,
    maxInsns: p.opts['max-insns'] !== undefined ? parseCount('--max-insns', p.opts['max-insns'] as string) : undefined,
    timeoutSec: p.opts['timeout'] !== undefined ? parseSeconds('--timeout', p.opts['timeout'] as string) : undefined,
    loadAddr: p.opts['load-addr'] !== undefined ? parseAddr('--load-addr', p.opts['load-addr'] as string) : undefined,
    trace: !!p.opts['trace'],
    stats: !!p.opts['stats'],
    tbCacheInsns: p.opts['tb-cache-insns'] !== undefined ? parseCount('--tb-cache-insns', p.opts['tb-cache-insns'] as string) : undefined,
    screenshot: p.opts['screenshot'] as string | undefined,
    // Real time by default only for a person at a terminal; pipes and files get the
    // deterministic default.
    realtime: p.opts['realtime'] ? true : p.opts['deterministic'] ? false : (!p.opts['semihosting'] && process.stdin.isTTY === true),
  };
  if (p.opts['realtime'] && p.opts['deterministic']) throw new UsageError('--realtime and --deterministic exclude each other');
  if (p.rest && !cfg.semihosting) throw new UsageError('guest arguments after -- need --semihosting');
  if (kernel !== undefined) {
    const initrd = p.opts['initrd'] as string | undefined;
    cfg.linux = {
      kernel: readImage(kernel, '--kernel'),
      dtb: readImage(p.opts['dtb'] as string, '--dtb'),
      initrd: initrd !== undefined ? readImage(initrd, '--initrd') : undefined,
      append: p.opts['append'] as string | undefined,
    };
  } else {
    cfg.image = readImage(cfg.imageName);
  }

  const stdin = new StdinQueue();
  const escape = new ConsoleEscape();
  let wakeIdle: (() => void) | undefined;
  const host: RunHost = {
    io: processIO(stdin),
    uartOut: bytes => writeAll(1, bytes),
    err: line => writeText(2, line + '\n'),
    interrupted: () => signalled,
    // With --semihosting, stdin feeds semihosting reads; otherwise it feeds UART0.
    uartIn: cfg.semihosting ? undefined : feed => {
      stdin.onData = () => {
        const b = escape.filter(stdin.takeAll());
        if (b.length) feed(b);
        wakeIdle?.();
      };
      if (process.stdin.isTTY) {
        // Raw, as QEMU's -nographic: every key (Ctrl-C included) goes to the guest.
        process.stdin.setRawMode(true);
        process.on('exit', () => { try { process.stdin.setRawMode(false); } catch { /* gone */ } });
      }
      stdin.start();
    },
    inputArrived: () => stdin.wait(),
    // An idle guest sleeps until its next event or until the user types (one waiter at a time).
    idleWait: cfg.semihosting ? undefined : ms => new Promise<void>(resolve => {
      const done = () => { clearTimeout(t); wakeIdle = undefined; resolve(); };
      const t = setTimeout(done, ms);
      wakeIdle = done;
    }),
    quit: () => escape.quit,
  };
  process.on('SIGINT', () => { signalled = 'SIGINT'; stdin.wake(); });
  process.on('SIGTERM', () => { signalled = 'SIGTERM'; stdin.wake(); });
  const b = buildBoard(cfg, host);
  return runGuest(cfg, host, b);
}

function cmdDisasm(argv: string[]): number {
  const p = parseArgs(argv, { thumb: {}, 'load-addr': { value: true }, help: { short: 'h' } });
  if (p.opts['help']) { writeText(1, DISASM_HELP); return 0; }
  if (p.positionals.length !== 1) throw new UsageError('disasm: one IMAGE expected');
  if (p.rest) throw new UsageError('disasm: unexpected arguments after --');
  const file = p.positionals[0]!;
  const bytes = readImage(file);
  const lines = disasmImage(bytes, {
    thumb: !!p.opts['thumb'],
    loadAddr: p.opts['load-addr'] !== undefined ? parseAddr('--load-addr', p.opts['load-addr'] as string) : undefined,
  }, file);
  writeText(1, lines.join('\n') + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      writeText(2, MAIN_HELP);
      return EXIT.USAGE;
    case '-h': case '--help':
      writeText(1, MAIN_HELP); return 0;
    case 'help':
      writeText(1, rest[0] === 'run' ? RUN_HELP : rest[0] === 'disasm' ? DISASM_HELP : MAIN_HELP); return 0;
    case 'run': return cmdRun(rest);
    case 'disasm': return cmdDisasm(rest);
    default:
      throw new UsageError(`unknown command '${cmd}' (try armada --help)`);
  }
}

function finish(code: number): void {
  process.exitCode = code;
  // Nothing is buffered (all output is written synchronously); leave at once so an open stdin
  // does not keep the process alive.
  process.exit(code);
}

process.on('uncaughtException', err => {
  try { writeText(2, `armada: internal error: ${err instanceof Error ? err.message : String(err)}\n`); } catch { /* ignore */ }
  if (process.env['ARMADA_DEBUG'] && err instanceof Error) writeText(2, (err.stack ?? '') + '\n');
  finish(EXIT.INTERNAL);
});

main(process.argv.slice(2)).then(finish, (err: unknown) => {
  if (err instanceof UsageError || err instanceof LoadError || err instanceof ElfError || err instanceof EnvSettingError) {
    writeText(2, `armada: ${err.message}\n`);
    finish(EXIT.USAGE);
    return;
  }
  writeText(2, `armada: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env['ARMADA_DEBUG'] && err instanceof Error) writeText(2, (err.stack ?? '') + '\n');
  finish(EXIT.INTERNAL);
});
