/* MMU probe for qemu-system-arm -M vexpress-a9: builds short-descriptor translation tables for
 * each case, enables the MMU and prints what QEMU reports (fault registers, PAR) through
 * semihosting. The expectations in test/armcore/mmu.test.ts come from this output. */
typedef unsigned int u32;

extern u32 p_ld(u32 va), p_ex(u32 va), u_ld(u32 va), u_ex(u32 va), try_scr(void);
extern void p_st(u32 va, u32 v), u_st(u32 va, u32 v);
extern volatile u32 fault_info[4];

#define T0 ((volatile u32 *)0x60100000) /* TTBR0 table */
#define T1 ((volatile u32 *)0x60104000) /* TTBR1 table */
#define L2A 0x60108000u                  /* second-level tables, 1 KiB each */
#define IDDOM 15                         /* domain of the identity map */

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

extern u32 p_ats(u32 va, u32 op);
#define MCR(crn, op1, crm, op2, v) __asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 "\n isb" :: "r"(v) : "memory")
#define MRC(crn, op1, crm, op2) ({ u32 _v; __asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(_v)); _v; })

static void tlbi(void) { __asm__ volatile("dsb\n mcr p15, 0, %0, c8, c7, 0\n dsb\n isb" :: "r"(0) : "memory"); }
static void set_sctlr(u32 v) { MCR(c1, 0, c0, 0, v); }
static u32 get_sctlr(void) { return MRC(c1, 0, c0, 0); }
static void set_ttbcr(u32 v) { MCR(c2, 0, c0, 2, v); tlbi(); }
static void set_ttbr0(u32 v) { MCR(c2, 0, c0, 0, v); tlbi(); }
static void set_ttbr1(u32 v) { MCR(c2, 0, c0, 1, v); tlbi(); }
static void set_dacr(u32 v) { MCR(c3, 0, c0, 0, v); tlbi(); }

/* PAR after ATS1C{PR,PW,UR,UW}; prints the Data Abort instead if the operation raised one */
static u32 ats(u32 va, int op) {
  fault_info[0] = 0;
  u32 par = p_ats(va, op);
  if (fault_info[0]) { puts_("ABORT:"); hex(fault_info[1]); puts_("@"); hex(fault_info[2]); puts_("="); return par; }
  return par;
}

/* Each test page (PA 0x60400000-0x607fffff and the supersection area) holds
 * `mov r0, #0xaa; bx lr` at offset 0 and its own physical address at offset 0x344. */
static void mark(u32 pa) {
  volatile u32 *p = (volatile u32 *)pa;
  p[0] = 0xe3a000aa; p[1] = 0xe12fff1e; p[0x344 / 4] = pa + 0x344;
}
static void mark_all(void) {
  for (u32 pa = 0x60400000; pa < 0x60800000; pa += 0x1000) mark(pa);
  mark(0x61000000); mark(0x61456000); mark(0x61fff000);
  __asm__ volatile("dsb\n mcr p15, 0, %0, c7, c5, 0\n isb" :: "r"(0) : "memory");
}

static void reset_tables(void) {
  for (int i = 0; i < 4096; i++) if (i < 0x600 || i >= 0x700) { T0[i] = 0; T1[i] = 0; }
  for (u32 i = 0x600; i < 0x700; i++) {
    u32 d = (i << 20) | (3 << 10) | (IDDOM << 5) | 2; /* AP=011, section */
    T0[i] = d; T1[i] = d;
  }
  for (int i = 0; i < 4096; i++) ((volatile u32 *)L2A)[i] = 0;
  tlbi();
}

static void token(const char *name, u32 kind_ok, u32 v, u32 va, int exec) {
  puts_(" "); puts_(name); puts_("=");
  u32 k = fault_info[0];
  if (k == 0) {
    if (exec) puts_(v == 0xaa ? "ok" : "??");
    else if (kind_ok) hex(v); else puts_("ok");
    return;
  }
  puts_(k == 1 ? "D" : k == 2 ? "P" : "U");
  hex(fault_info[1]);
  if (fault_info[2] != va) { puts_("@"); hex(fault_info[2]); }
}

/* Every access kind at data address va (page offset 0x344) and fetch at its page base. */
static void all(const char *name, u32 va) {
  u32 xva = va & ~0xfffu, v, rv;
  puts_(name);
  fault_info[0] = 0; rv = p_ld(va); token("pR", 1, rv, va, 0);
  u32 rok = fault_info[0] == 0;
  fault_info[0] = 0; p_st(va, rok ? rv : 0xdeadbeef); token("pW", 0, 0, va, 0);
  fault_info[0] = 0; v = p_ex(xva); token("pX", 0, v, xva, 1);
  fault_info[0] = 0; rv = u_ld(va); token("uR", 1, rv, va, 0);
  rok = fault_info[0] == 0;
  fault_info[0] = 0; u_st(va, rok ? rv : 0xdeadbeef); token("uW", 0, 0, va, 0);
  fault_info[0] = 0; v = u_ex(xva); token("uX", 0, v, xva, 1);
  puts_(" PAR"); for (int op = 0; op < 4; op++) { puts_(" "); hex(ats(va, op)); }
  puts_("\n");
  mark_all();
}

/* Data accesses and PAR only (for mappings whose fetch would run through zeros). */
static void dat(const char *name, u32 va) {
  u32 v, rv;
  puts_(name);
  fault_info[0] = 0; rv = p_ld(va); token("pR", 1, rv, va, 0);
  u32 rok = fault_info[0] == 0;
  fault_info[0] = 0; p_st(va, rok ? rv : 0xdeadbeef); token("pW", 0, 0, va, 0);
  fault_info[0] = 0; v = u_ld(va); token("uR", 1, v, va, 0);
  puts_(" PAR"); for (int op = 0; op < 4; op++) { puts_(" "); hex(ats(va, op)); }
  puts_("\n");
  mark_all();
}

static void line(const char *name, u32 v) { puts_(name); puts_(" "); hex(v); puts_("\n"); }
static void rd(const char *name, u32 va) {
  fault_info[0] = 0; u32 v = p_ld(va); puts_(name); token("pR", 1, v, va, 0); puts_("\n");
}

static const char *apname[8] = {"ap0", "ap1", "ap2", "ap3", "ap4", "ap5", "ap6", "ap7"};
static u32 sec_ap(u32 ap) { return ((ap & 3) << 10) | ((ap >> 2) << 15); }
static u32 pg_ap(u32 ap) { return ((ap & 3) << 4) | ((ap >> 2) << 9); }

static void s(const char *t) { puts_("== "); puts_(t); puts_("\n"); }

int main(void) {
  u32 dacr_base = 1u << (2 * IDDOM);
  s("info");
  line("ID_PFR1", MRC(c0, 0, c1, 1));
  line("ID_MMFR0", MRC(c0, 0, c1, 4));
  fault_info[0] = 0; u32 scr = try_scr(); line(fault_info[0] == 3 ? "SCR UNDEF" : "SCR", scr);
  line("SCTLR", get_sctlr());
  MCR(c2, 0, c0, 2, 0x37); line("TTBCR<-37", MRC(c2, 0, c0, 2));
  MCR(c2, 0, c0, 2, 0xffffffff); line("TTBCR<-ffffffff", MRC(c2, 0, c0, 2));
  MCR(c2, 0, c0, 2, 0);
  line("PAR mmu-off ATS1CPR 12345678", ats(0x12345678, 0));
  line("PAR mmu-off ATS1CUW 12345678", ats(0x12345678, 3));

  reset_tables();
  mark_all();
  set_ttbr0(0x60100000);
  set_ttbr1(0x60104000);
  set_dacr(dacr_base);
  set_sctlr(get_sctlr() | 1);
  line("SCTLR mmu-on", get_sctlr());

  s("sections AP (domain 3 client), VA 10000000 -> PA 60400000");
  set_dacr(dacr_base | (1 << 6));
  for (u32 ap = 0; ap < 8; ap++) {
    T0[0x100] = 0x60400000 | sec_ap(ap) | (3 << 5) | 2; tlbi();
    all(apname[ap], 0x10000344);
  }
  T0[0x100] = 0x60400000 | sec_ap(3) | (3 << 5) | 0x10 | 2; tlbi(); all("ap3 xn", 0x10000344);
  T0[0x100] = 0x60400000 | sec_ap(2) | (3 << 5) | 0x10 | 2; tlbi(); all("ap2 xn", 0x10000344);
  T0[0x100] = 0x60400000 | sec_ap(3) | (3 << 5) | 0x1000c | 2; tlbi(); all("ap3 nG+C+B", 0x10000344);
  T0[0x100] = 0x60400000 | sec_ap(3) | (3 << 5) | (1 << 19) | 2; tlbi(); all("ap3 NS", 0x10000344);
  T0[0x100] = 0x60400000 | sec_ap(3) | (3 << 5) | 1 | 2; tlbi(); all("ap3 bit0(PXN)", 0x10000344);
  T0[0x100] = 0x60400000 | sec_ap(3) | (3 << 5) | 3; tlbi(); all("type3", 0x10000344);
  T0[0x100] = 0; tlbi(); all("type0", 0x10000344);

  s("section domains");
  const char *dn[4] = {"dom noacc", "dom client", "dom reserved", "dom manager"};
  for (u32 d = 0; d < 4; d++) {
    set_dacr(dacr_base | (d << 10));
    T0[0x100] = 0x60400000 | sec_ap(0) | (5 << 5) | 0x10 | 2; tlbi(); all(dn[d], 0x10000344);
  }
  set_dacr(dacr_base | (3 << 10));
  T0[0x100] = 0x60400000 | sec_ap(5) | (5 << 5) | 2; tlbi(); all("dom manager ap5", 0x10000344);
  set_dacr(dacr_base);
  T0[0x100] = 0x60400000 | sec_ap(3) | (5 << 5) | 2; tlbi(); all("dom5 noacc ap3", 0x10000344);

  s("supersections (domain 0), VA 20000000 -> PA 61000000");
  set_dacr(dacr_base | 1);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(3) | 2;
  tlbi();
  all("ss", 0x20000344); rd("ss +456000", 0x20456344); rd("ss +fff000", 0x20fff344);
  all("ss va 20456344", 0x20456344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(1) | 2;
  tlbi(); all("ss ap1", 0x20000344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(3) | 0x10 | 2;
  tlbi(); all("ss xn", 0x20000344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(3) | (0xf << 5) | 2;
  tlbi(); dat("ss domainbits=f (dom0 client, dom15 client)", 0x20000344);
  set_dacr(dacr_base | 0);
  dat("ss dom0 noacc domainbits=f", 0x20000344);
  set_dacr(dacr_base | 1);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(3) | (1 << 20) | 2;
  tlbi(); dat("ss extbase[35:32]=1", 0x20000344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(3) | (1 << 5) | 2;
  tlbi(); dat("ss extbase[39:36]=1", 0x20000344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = (i == 0) ? (0x61000000 | (1 << 18) | sec_ap(3) | 2) : 0;
  tlbi(); rd("ss only entry 0, va 20000344", 0x20000344); rd("ss only entry 0, va 20100344", 0x20100344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | (1 << 19) | sec_ap(3) | 2;
  tlbi(); all("ss NS", 0x20000344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0;
  tlbi();

  s("pages: L1 at 30000000 (domain 4) -> L2 at 60108000");
  volatile u32 *l2 = (volatile u32 *)L2A;
  set_dacr(dacr_base | (1 << 8));
  T0[0x300] = L2A | (4 << 5) | 1; tlbi();
  for (u32 ap = 0; ap < 8; ap++) {
    l2[0] = 0x60401000 | pg_ap(ap) | 2; tlbi();
    all(apname[ap], 0x30000344);
  }
  l2[0] = 0x60401000 | pg_ap(3) | 3; tlbi(); all("small xn (type3)", 0x30000344);
  l2[0] = 0x60401000 | pg_ap(2) | 3; tlbi(); all("small ap2 xn", 0x30000344);
  l2[0] = 0x60401000 | pg_ap(3) | 0x800 | 2; tlbi(); all("small nG", 0x30000344);
  l2[0] = 0x60401000 | pg_ap(3) | 0x5cc | 2; tlbi(); all("small TEX/C/B/S bits", 0x30000344);
  for (int i = 0; i < 16; i++) l2[0x10 + i] = 0x60410000 | pg_ap(3) | 1;
  tlbi(); all("large", 0x30010344); all("large +5000", 0x30015344);
  for (int i = 0; i < 16; i++) l2[0x10 + i] = 0x60410000 | pg_ap(3) | (1 << 15) | 1;
  tlbi(); all("large xn", 0x30015344);
  for (int i = 0; i < 16; i++) l2[0x10 + i] = 0x60410000 | pg_ap(1) | 1;
  tlbi(); all("large ap1", 0x30015344);
  for (int i = 0; i < 16; i++) l2[0x10 + i] = 0x60410000 | pg_ap(3) | 1 | 0x7000;
  tlbi(); all("large TEX bits", 0x30015344);
  for (int i = 0; i < 16; i++) l2[0x10 + i] = (i == 0) ? (0x60410000 | pg_ap(3) | 1) : 0;
  tlbi(); rd("large only entry 0, va 30010344", 0x30010344); rd("large only entry 0, va 30011344", 0x30011344);
  l2[2] = 0; tlbi(); all("l2 fault", 0x30002344);
  l2[0] = 0x60401000 | pg_ap(3) | 2;
  set_dacr(dacr_base); all("page dom4 noacc, l2 fault", 0x30002344);
  all("page dom4 noacc", 0x30000344);
  set_dacr(dacr_base | (2 << 8)); all("page dom4 reserved", 0x30000344);
  set_dacr(dacr_base | (3 << 8));
  l2[0] = 0x60401000 | pg_ap(0) | 3; tlbi(); all("page dom4 manager ap0 xn", 0x30000344);
  set_dacr(dacr_base | (1 << 8));
  T0[0x300] = L2A | (4 << 5) | 8 | 1; l2[0] = 0x60401000 | pg_ap(3) | 2; tlbi(); all("l1 NS", 0x30000344);
  T0[0x300] = L2A | (4 << 5) | 4 | 1; tlbi(); all("l1 bit2(PXN)", 0x30000344);
  T0[0x300] = L2A | 0x10 | (4 << 5) | 1; tlbi(); all("l1 bit4", 0x30000344);
  T0[0x300] = L2A | (4 << 5) | 0x200 | 1; tlbi(); all("l1 bit9", 0x30000344);
  T0[0x300] = 0;

  s("AFE=1");
  u32 sctlr = get_sctlr();
  set_sctlr(sctlr | (1 << 29));
  line("SCTLR afe", get_sctlr());
  set_dacr(dacr_base | (1 << 6) | (1 << 8));
  for (u32 ap = 0; ap < 8; ap++) {
    T0[0x100] = 0x60400000 | sec_ap(ap) | (3 << 5) | 2; tlbi();
    puts_("sec "); all(apname[ap], 0x10000344);
  }
  T0[0x100] = 0x60400000 | sec_ap(2) | (3 << 5) | 0x10 | 2; tlbi(); all("sec ap2 xn", 0x10000344);
  set_dacr(dacr_base | (3 << 6) | (1 << 8));
  T0[0x100] = 0x60400000 | sec_ap(2) | (3 << 5) | 2; tlbi(); all("sec ap2 manager", 0x10000344);
  set_dacr(dacr_base | (0 << 6) | (1 << 8));
  T0[0x100] = 0x60400000 | sec_ap(2) | (3 << 5) | 2; tlbi(); all("sec ap2 noacc", 0x10000344);
  set_dacr(dacr_base | 1 | (1 << 6) | (1 << 8));
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0x61000000 | (1 << 18) | sec_ap(2) | 2;
  tlbi(); all("ss ap2", 0x20000344);
  for (int i = 0; i < 16; i++) T0[0x200 + i] = 0;
  T0[0x300] = L2A | (4 << 5) | 1;
  for (u32 ap = 0; ap < 8; ap++) {
    l2[0] = 0x60401000 | pg_ap(ap) | 2; tlbi();
    puts_("pg "); all(apname[ap], 0x30000344);
  }
  for (int i = 0; i < 16; i++) l2[0x10 + i] = 0x60410000 | pg_ap(6) | 1;
  tlbi(); all("large ap6", 0x30010344);
  T0[0x300] = 0; T0[0x100] = 0; tlbi();
  set_sctlr(sctlr);

  s("TTBCR.N boundaries: TTBR0 table -> PA 60500000, TTBR1 table -> PA 60600000");
  set_dacr(dacr_base | 1);
  for (u32 n = 1; n < 8; n++) {
    u32 b = 0x80000000u >> (n - 1);
    u32 i0 = (b >> 20) - 1, i1 = b >> 20;
    T0[i0] = 0x60500000 | sec_ap(3) | 2; T0[i1] = 0x60500000 | sec_ap(3) | 2;
    T1[i0] = 0x60600000 | sec_ap(3) | 2; T1[i1] = 0x60600000 | sec_ap(3) | 2;
    set_ttbcr(n);
    puts_("N="); hex(n); rd(" below", b - 0x100000 + 0x344); puts_("N="); hex(n); rd(" at", b + 0x344);
    puts_("N="); hex(n); line(" PAR at", ats(b + 0x344, 0));
    set_ttbcr(0);
    T0[i0] = T0[i1] = T1[i0] = T1[i1] = 0; tlbi();
  }
  {
    u32 b = 0x80000000u;
    T0[0x7ff] = 0x60500000 | sec_ap(3) | 2; T0[0x800] = 0x60500000 | sec_ap(3) | 2;
    T1[0x7ff] = 0x60600000 | sec_ap(3) | 2; T1[0x800] = 0x60600000 | sec_ap(3) | 2; tlbi();
    rd("N=0 at 80000344", b + 0x344);
    set_ttbr0(0x60100000 | 0x7f); rd("N=0 TTBR0|7f", b + 0x344);
    set_ttbr0(0x60100000 | 0x3fff); rd("N=0 TTBR0|3fff", b + 0x344);
    set_ttbr0(0x60100000);
    set_ttbcr(1);
    set_ttbr1(0x60104000 | 0x3fff); rd("N=1 TTBR1|3fff", b + 0x344);
    set_ttbr1(0x60104000);
    set_ttbcr(1 | 0x20); rd("N=1 PD1 at 80000344", b + 0x344); line("PD1 PAR", ats(b + 0x344, 0));
    set_ttbcr(0);
    T0[0x100] = 0x60400000 | sec_ap(3) | 2; T1[0x100] = 0x60400000 | sec_ap(3) | 2; tlbi();
    set_ttbcr(2 | 0x10); rd("N=2 PD0 at 10000344", 0x10000344); line("PD0 PAR", ats(0x10000344, 0));
    set_ttbcr(1 | 0x20); line("PD1 PAR ATS1CUR", ats(0x80000344, 2));
    set_ttbcr(0);
    T0[0x7ff] = T0[0x800] = T1[0x7ff] = T1[0x800] = T0[0x100] = T1[0x100] = 0; tlbi();
  }
  /* with N=1 the TTBR0 table is 8 KiB: TTBR0 bit 13 is part of the base */
  set_ttbcr(1);
  T0[0x800 + 0x100] = 0x60700000 | sec_ap(3) | 2; T0[0x100] = 0x60400000 | sec_ap(3) | 2;
  for (u32 i = 0x600; i < 0x700; i++) T0[0x800 + i] = T0[i]; /* identity map in the 8 KiB table at T0+0x2000 */
  tlbi();
  set_ttbr0(0x60102000); rd("N=1 TTBR0=60102000 va 10000344", 0x10000344);
  set_ttbr0(0x60100000); set_ttbcr(0);
  set_ttbr0(0x60102000); rd("N=0 TTBR0=60102000 va 10000344 (bit13 ignored?)", 0x10000344);
  set_ttbr0(0x60100000);
  reset_tables();

  s("external aborts");
  set_dacr(dacr_base | 1);
  T0[0x100] = 0x70000000 | sec_ap(3) | 2; tlbi(); dat("section to PA 70000000", 0x10000344);
  T0[0x100] = 0x80000000 | sec_ap(3) | 2; tlbi(); rd("section to PA 80000000", 0x10000344);
  T0[0x100] = 0xf0000000 | sec_ap(3) | 2; tlbi(); rd("section to PA f0000000", 0x10000344);
  T0[0x100] = 0x70000000 | 1; tlbi(); dat("L2 table at PA 70000000", 0x10000344);
  T0[0x100] = 0x70000000 | (7 << 5) | 1; tlbi(); dat("L2 table at PA 70000000 dom7 noacc", 0x10000344);
  set_dacr(dacr_base | 1 | (1 << 14));
  T0[0x100] = 0x70000000 | (7 << 5) | 1; tlbi(); all("L2 table at PA 70000000 dom7 client", 0x10000344);
  T0[0x100] = 0xf0000000 | (7 << 5) | 1; tlbi(); rd("L2 table at PA f0000000 dom7", 0x10000344);
  T0[0x100] = 0x40000000 | (7 << 5) | 1; tlbi(); rd("L2 table at PA 40000000 dom7", 0x10000344);
  T0[0x100] = 0; tlbi();
  set_ttbcr(1);
  set_ttbr1(0x70000000); all("TTBR1=70000000 va 80000344", 0x80000344);
  set_ttbr1(0xf0000000); rd("TTBR1=f0000000 va 80000344", 0x80000344);
  set_ttbr1(0x60104000); set_ttbcr(0);

  s("FCSE");
  T0[0x020] = 0x60400000 | sec_ap(3) | 2; T0[0x000] = 0x60500000 | sec_ap(3) | 2; tlbi();
  MCR(c13, 0, c0, 0, 0x02000000); line("FCSEIDR", MRC(c13, 0, c0, 0));
  rd("fcse va 00000344", 0x00000344); line("fcse PAR 00000344", ats(0x344, 0));
  rd("fcse va 00100344", 0x00100344);
  rd("fcse va 02000344", 0x02000344);
  MCR(c13, 0, c0, 0, 0x02000100); rd("fcse 02000100 va 00000244", 0x00000244);
  MCR(c13, 0, c0, 0, 0x12345678); line("FCSEIDR<-12345678", MRC(c13, 0, c0, 0));
  MCR(c13, 0, c0, 0, 0); T0[0x020] = 0; T0[0x000] = 0; tlbi();

  s("ASID / TLB");
  T0[0x100] = 0x60400000 | sec_ap(3) | 0x20000 | 2; tlbi();
  MCR(c13, 0, c0, 1, 5); line("CONTEXTIDR", MRC(c13, 0, c0, 1));
  rd("nG first", 0x10000344);
  T0[0x100] = 0x60500000 | sec_ap(3) | 0x20000 | 2;
  rd("nG changed, no TLBI", 0x10000344);
  MCR(c13, 0, c0, 1, 6);
  rd("nG after CONTEXTIDR=6", 0x10000344);
  MCR(c13, 0, c0, 1, 6);
  T0[0x100] = 0x60600000 | sec_ap(3) | 2;
  rd("global changed", 0x10000344);
  MCR(c13, 0, c0, 1, 7);
  rd("global after CONTEXTIDR=7", 0x10000344);
  __asm__ volatile("mcr p15, 0, %0, c8, c7, 2\n isb" :: "r"(7)); /* TLBIASID 7 */
  rd("global after TLBIASID", 0x10000344);
  MCR(c13, 0, c0, 1, 0);
  reset_tables();
  /* Register writes without TLB maintenance: does QEMU flush its TLB? */
  set_dacr(dacr_base | (1 << 6));
  T0[0x100] = 0x60400000 | sec_ap(3) | (3 << 5) | 2; T1[0x100] = 0x60500000 | sec_ap(3) | (3 << 5) | 2; tlbi();
  rd("ttbr0=T0", 0x10000344);
  MCR(c2, 0, c0, 0, 0x60104000);
  rd("ttbr0<-T1 no TLBI", 0x10000344);
  tlbi(); rd("ttbr0=T1 after TLBI", 0x10000344);
  MCR(c2, 0, c0, 0, 0x60100000); tlbi();
  rd("ttbr0=T0 again", 0x10000344);
  MCR(c3, 0, c0, 0, dacr_base);
  rd("dacr dom3<-noacc no TLBI", 0x10000344);
  tlbi(); rd("dacr after TLBI", 0x10000344);
  set_dacr(dacr_base | (1 << 6));
  rd("dacr client again", 0x10000344);
  MCR(c2, 0, c0, 2, 4);
  rd("ttbcr<-4 no TLBI", 0x10000344);
  tlbi(); rd("ttbcr=4 after TLBI", 0x10000344);
  set_ttbcr(0);
  T0[0x100] = 0x60400000 | sec_ap(0) | (3 << 5) | 2; tlbi();
  rd("ap0", 0x10000344);
  set_dacr(dacr_base | (3 << 6));
  rd("ap0 manager", 0x10000344);
  set_sctlr(get_sctlr() | (1 << 29));
  rd("afe<-1 (SCTLR write)", 0x10000344);
  set_dacr(dacr_base | (1 << 6));
  set_sctlr(get_sctlr() & ~(1u << 29));
  reset_tables();

  s("SCTLR.XP");
  set_sctlr(get_sctlr() & ~(1u << 23)); line("SCTLR XP cleared", get_sctlr());
  set_dacr(dacr_base | (1 << 8));
  T0[0x300] = L2A | (4 << 5) | 1;
  l2[0] = 0x60401000 | 0xff0 | 3; tlbi(); all("xp0 small type3 ap=all 3", 0x30000344);
  l2[0] = 0x60401000 | 0x030 | 2; tlbi(); all("xp0 small type2 ap0=3 rest 0", 0x30000344);
  set_sctlr(get_sctlr() | (1u << 23));
  reset_tables();

  s("alignment vs translation (VA 10000345 unmapped)");
  set_dacr(dacr_base | 1);
  rd("A=0 ldr 10000345", 0x10000345);
  set_sctlr(get_sctlr() | 2);
  rd("A=1 ldr 10000345", 0x10000345);
  set_sctlr(get_sctlr() & ~2u);

  s("MMU off");
  set_sctlr(get_sctlr() & ~1u);
  *(volatile u32 *)0x60000344 = 0xfeedf00d;
  MCR(c13, 0, c0, 0, 0x60000000);
  rd("mmu-off fcse=60000000 va 00000344", 0x344);
  line("mmu-off fcse=60000000 PAR 00000344", ats(0x344, 0));
  MCR(c13, 0, c0, 0, 0);

  s("done");
  return 0;
}
