/* NOR flash probe for qemu-system-arm 7.2 -M vexpress-a9 (two Intel-command-set CFI flashes,
 * pflash_cfi01, 64 MiB each at 0x40000000 and 0x44000000, flash 0 also at 0; no -pflash image):
 * read-array contents, identifier and CFI query answers, status register, word and buffered
 * programming, block erase and block size, lock commands, access widths, and what unknown
 * commands do. Output through semihosting; pflash-probe.out is QEMU's, replayed by
 * test/soc/pflash.test.ts. Built with ../cp15/start.S (vectors, exit). */
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

static void semi(u32 op, const void *arg) {
  register u32 r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
}
static void puts_(const char *s) { semi(4, s); }
static void hex(u32 v) {
  char b[9];
  for (int i = 0; i < 8; i++) b[i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
  b[8] = 0;
  puts_(b);
}
static void line(const char *name, u32 v) { puts_(name); puts_(" "); hex(v); puts_("\n"); }
static void s(const char *t) { puts_("== "); puts_(t); puts_("\n"); }

#define F0 0x40000000u
#define F1 0x44000000u
static u32 r32(u32 a) { return *(volatile u32 *)a; }
static u32 r16(u32 a) { return *(volatile u16 *)a; }
static u32 r8(u32 a) { return *(volatile u8 *)a; }
static void w32(u32 a, u32 v) { *(volatile u32 *)a = v; }
static void w16(u32 a, u32 v) { *(volatile u16 *)a = v; }
static void w8(u32 a, u32 v) { *(volatile u8 *)a = v; }

/* Print the nonzero words of [a, a+len) in the current mode. */
static void dump(const char *name, u32 a, u32 len) {
  puts_(name); puts_(":");
  for (u32 o = 0; o < len; o += 4) {
    u32 v = r32(a + o);
    if (v) { puts_(" "); hex(o); puts_("="); hex(v); }
  }
  puts_("\n");
}

int main(void) {
  s("status at reset");
  w32(F0, 0x70); line("status", r32(F0)); line("status r16", r16(F0)); line("status r8", r8(F0 + 1));
  w32(F0, 0x50); line("after 50: read", r32(F0)); w32(F0, 0x70); line("status after 50", r32(F0));
  w32(F0, 0x12); w32(F0, 0x70); line("status after unknown 12", r32(F0));
  w32(F0, 0x50); w32(F0, 0x20); w32(F0, 0xff); w32(F0, 0x70); line("status after erase cancelled by ff", r32(F0));
  w32(F0, 0x50); w32(F0, 0x60); w32(F0, 0x01); line("status after lock", r32(F0));
  w32(F0, 0x50); w32(F0, 0x98); w32(F0, 0xff); w32(F0, 0x70); line("status after query", r32(F0));
  w32(F0, 0x50); w32(F0, 0x90); w32(F0, 0x70); line("status after id", r32(F0));
  w32(F0, 0x50); w32(F0, 0x40); w32(F0, 0x70); line("status after 40 then 70 as data", r32(F0));
  w32(F0, 0xff); line("value programmed as data 70", r32(F0));
  w32(F0, 0x20); w32(F0, 0xd0); w32(F0, 0xff);
  w32(F0, 0x50); w32(F0, 0xe8); w32(F0, 0); w32(F0, 0x5); w32(F0, 0x77); line("after e8 with a bad confirm: read", r32(F0));
  w32(F0, 0x70); line("status", r32(F0));
  w32(F0, 0x50); w32(F0, 0xff);
  w32(F0, 0x20); w32(F0, 0xd0); w32(F0, 0xff);
  s("read array");
  dump("f0 0-100", F0, 0x100);
  line("alias 0", r32(0));

  s("identifier (0x90)");
  w32(F0, 0x90);
  dump("f0 0-40", F0, 0x40);
  line("f0 +0x400", r32(F0 + 0x400)); line("f0 +0x40000", r32(F0 + 0x40000)); line("f0 +0x40004", r32(F0 + 0x40004));
  line("r16 +0", r16(F0)); line("r16 +2", r16(F0 + 2)); line("r16 +4", r16(F0 + 4));
  line("r8 +0", r8(F0)); line("r8 +1", r8(F0 + 1)); line("r8 +4", r8(F0 + 4));
  line("alias 0 in id mode", r32(0));
  line("f1 while f0 in id mode", r32(F1));
  w32(F0, 0xff); line("after ff", r32(F0));

  s("cfi query (0x98)");
  w32(F0, 0x98);
  dump("f0 0-400", F0, 0x400);
  line("f0 +0x10040 (boff 0x4010)", r32(F0 + 0x10040));
  line("r16 +0x40", r16(F0 + 0x40)); line("r16 +0x42", r16(F0 + 0x42)); line("r8 +0x41", r8(F0 + 0x41));
  w32(F0 + 0x40, 0x12); line("after write 12 in query mode", r32(F0 + 0x40));
  w32(F0, 0xff); line("after ff", r32(F0 + 0x40));
  w16(F0 + 0xaa, 0x98); line("16-bit query write at 0xaa: +0x40", r32(F0 + 0x40));
  w32(F0, 0xf0); line("after f0 (AMD reset)", r32(F0 + 0x40));

  s("status (0x70, 0x50)");
  w32(F0, 0x70); line("status", r32(F0)); line("status r16", r16(F0)); line("status r8", r8(F0));
  line("status at +0x1234", r32(F0 + 0x1234));
  w32(F0, 0x50); line("after clear status: read", r32(F0));
  w32(F0, 0x70); line("status after clear", r32(F0));
  w32(F0, 0xff);

  s("word program (0x40, 0x10)");
  w32(F0 + 0x10000, 0x40); line("read after 0x40", r32(F0 + 0x10000));
  w32(F0 + 0x10000, 0x12345678); line("read after data (status)", r32(F0 + 0x10000));
  line("other address while in status", r32(F0 + 0x20000));
  w32(F0, 0xff); line("array +0x10000", r32(F0 + 0x10000)); line("alias 0x10000", r32(0x10000));
  w32(F0 + 0x10000, 0x10); w32(F0 + 0x10000, 0x0000ffff); w32(F0, 0xff);
  line("program ffff over 12345678", r32(F0 + 0x10000));
  w32(0x10004, 0x40); w32(0x10004, 0xcafef00d); w32(0, 0xff); line("program via alias, read f0", r32(F0 + 0x10004));
  w16(F0 + 0x10008, 0x40); w16(F0 + 0x10008, 0xbeef); w32(F0, 0xff); line("16-bit program", r32(F0 + 0x10008));
  w8(F0 + 0x1000c, 0x40); w8(F0 + 0x1000d, 0x5a); w32(F0, 0xff); line("8-bit program at +d", r32(F0 + 0x1000c));
  w32(F0 + 0x10010, 0x00400040); w32(F0 + 0x10010, 0x11112222); w32(F0, 0xff); line("program cmd 00400040", r32(F0 + 0x10010));
  w32(F1 + 0x10000, 0x40); w32(F1 + 0x10000, 0x77); w32(F1, 0xff); line("f1 program", r32(F1 + 0x10000));
  line("f0 same offset unaffected", r32(F0 + 0x10000 - 0x10000 + 0x10000));

  s("block erase (0x20, 0xd0)");
  w32(F0 + 0x3fffc, 0x40); w32(F0 + 0x3fffc, 0x1); w32(F0, 0xff);
  w32(F0 + 0x40000, 0x40); w32(F0 + 0x40000, 0x2); w32(F0, 0xff);
  w32(F0 + 0x20000, 0x20); line("read after 0x20", r32(F0 + 0x20000));
  w32(F0 + 0x20000, 0xd0); line("read after d0", r32(F0 + 0x20000));
  w32(F0, 0xff);
  line("erased +0x10000", r32(F0 + 0x10000)); line("erased +0x0", r32(F0)); line("erased +0x3fffc", r32(F0 + 0x3fffc));
  line("next block +0x40000", r32(F0 + 0x40000)); line("f1 +0x10000", r32(F1 + 0x10000));
  w32(F0 + 0x20000, 0x20); w32(F0 + 0x20000, 0x77); line("erase bad confirm: read", r32(F0 + 0x20000));
  w32(F0, 0x70); line("status", r32(F0)); w32(F0, 0x50); w32(F0, 0xff);
  line("after bad confirm +0x40000", r32(F0 + 0x40000));

  w32(F0 + 0x100000, 0x40); w32(F0 + 0x100000, 0x1234); w32(F0, 0xff);
  w32(F0 + 0x100000, 0x20); w32(F0 + 0x100000, 0xff); line("erase cancelled by ff: value", r32(F0 + 0x100000));
  w32(F0 + 0x140000, 0x40); w32(F0 + 0x140000, 0x1234); w32(F0, 0xff);
  w32(F0 + 0x140000, 0x28); w32(F0 + 0x140000, 0xd0); w32(F0, 0xff); line("erase with 0x28: value", r32(F0 + 0x140000));
  w32(F0 + 0x180000, 0x40); w32(F0 + 0x180000, 0x1234); w32(F0, 0xff);
  w32(F0 + 0x180000, 0x20); line("erase pending: read", r32(F0 + 0x180000)); w32(F0 + 0x180000, 0xd0); w32(F0, 0xff);
  line("erase at 180000 done: value", r32(F0 + 0x180000));
  s("buffered program (0xe8)");
  w32(F0 + 0x80000, 0xe8); line("read after e8", r32(F0 + 0x80000));
  w32(F0 + 0x80000, 3); /* 4 words */
  w32(F0 + 0x80000, 0xa1a1a1a1); w32(F0 + 0x80004, 0xb2b2b2b2); w32(F0 + 0x80008, 0xc3c3c3c3); w32(F0 + 0x8000c, 0xd4d4d4d4);
  line("read before confirm", r32(F0 + 0x80000));
  w32(F0 + 0x80000, 0xd0); line("read after confirm", r32(F0 + 0x80000));
  w32(F0, 0xff); dump("buffer 80000-80020", F0 + 0x80000, 0x20);
  w32(F0 + 0x80020, 0xe8); w32(F0 + 0x80020, 0x00030003); w32(F0 + 0x80020, 0x11); w32(F0 + 0x80024, 0x22);
  w32(F0 + 0x80028, 0x33); w32(F0 + 0x8002c, 0x44); w32(F0 + 0x80020, 0xd0); w32(F0, 0xff);
  dump("count 00030003 80020-80040", F0 + 0x80020, 0x20);

  s("lock (0x60)");
  w32(F0 + 0xc0000, 0x60); line("read after 60", r32(F0 + 0xc0000));
  w32(F0 + 0xc0000, 0x01); line("read after 01", r32(F0 + 0xc0000));
  w32(F0, 0xff);
  w32(F0 + 0xc0000, 0x40); w32(F0 + 0xc0000, 0x5555); w32(F0, 0x70); line("program locked block: status", r32(F0));
  w32(F0, 0xff); line("locked block value", r32(F0 + 0xc0000));
  w32(F0 + 0xc0000, 0x60); w32(F0 + 0xc0000, 0xd0); w32(F0, 0xff);
  w32(F0, 0x90); line("id +0x8 (lock status)", r32(F0 + 0x8)); line("id c0008", r32(F0 + 0xc0008)); w32(F0, 0xff);

  s("unknown commands");
  w32(F0, 0x12); line("after 12", r32(F0)); w32(F0, 0x70); line("status after 12", r32(F0)); w32(F0, 0x50); w32(F0, 0xff);
  w32(F0, 0x00); line("after 00", r32(F0));
  w32(F0 + 0x10000, 0x40); w32(F0 + 0x10000, 0x40); w32(F0, 0xff); line("program value 0x40", r32(F0 + 0x10000));
  w32(F0, 0x90); w32(F0, 0x98); line("98 in id mode", r32(F0 + 0x40)); w32(F0, 0xff);
  w32(F0, 0x98); w32(F0, 0x90); line("90 in query mode", r32(F0)); w32(F0, 0xff);
  w32(F0, 0x70); w32(F0, 0x90); line("90 in status mode", r32(F0)); w32(F0, 0xff);
  line("final array +0x10000", r32(F0 + 0x10000));
  s("end");
  return 0;
}
