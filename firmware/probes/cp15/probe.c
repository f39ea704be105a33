/* CP15 probe for qemu-system-arm 7.2 -M vexpress-a9: identification registers, the PMU, which
 * (opc1, CRn, CRm, opc2) encodings MRC/MCR accept from SVC and from User mode, the Security
 * Extensions (SCR, SDER, NSACR, MVBAR, SMC, Monitor mode), TLB maintenance by MVA and the NOR
 * flash regions. Output through semihosting; cp15-probe.out is QEMU's, replayed by
 * test/armcore/cp15-probe.test.ts. Only deterministic facts are printed: the PMU cycle counter
 * follows QEMU's host-time clock, so its values are printed as comparisons. */
typedef unsigned int u32;

extern u32 run_stub(u32 r0), run_stub_usr(u32 r0), call_usr(u32 (*fn)(u32), u32 arg);
extern void smc_arm(void), smc_cond_false(void), smc_thumb(void), mon_bank(u32 *out);
extern u32 enter_mon_msr(void), und_in_mon(void), busy(u32 n), scr_ns_in_mon(void);
extern void srs_rfe_mon(u32 *out);
extern volatile u32 mon_out[4];
extern char smc_arm_insn[], smc_thumb_insn[], mon_vectors[];
extern volatile u32 info[8];
extern volatile u32 stub[2];
extern volatile u32 resume;

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
static void dec(u32 v) {
  char b[12]; int i = 11; b[i] = 0;
  do { b[--i] = '0' + v % 10; v /= 10; } while (v);
  puts_(b + i);
}
/* info[5] counts traps: line() reports an UNDEFINED access made since the previous line. */
static u32 traps_seen;
static void line(const char *name, u32 v) {
  puts_(name); puts_(" ");
  if (info[5] != traps_seen) { traps_seen = info[5]; puts_("UNDEF\n"); return; }
  hex(v); puts_("\n");
}
static void s(const char *t) { puts_("== "); puts_(t); puts_("\n"); }

#define MCR(crn, op1, crm, op2, v) __asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 "\n isb" :: "r"(v) : "memory")
#define MRC(crn, op1, crm, op2) ({ u32 _v; __asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(_v) :: "memory"); _v; })

/* The generated-instruction runner: MRC/MCR p15 with Rt = r0. */
static u32 enc(int mcr, u32 o1, u32 n, u32 m, u32 o2) {
  return (mcr ? 0xee000f10u : 0xee100f10u) | (o1 << 21) | (n << 16) | m | (o2 << 5);
}
static void set_stub(u32 insn) {
  stub[0] = insn;
  __asm__ volatile("dsb\n mcr p15, 0, %0, c7, c5, 0\n isb" :: "r"(0) : "memory");
}
/* Returns 1 if the instruction ran, 0 if it was UNDEFINED; *v = r0 afterwards. */
static int try_insn(u32 insn, u32 r0, int usr, u32 *v) {
  set_stub(insn);
  info[0] = 0;
  u32 r = usr ? run_stub_usr(r0) : run_stub(r0);
  resume = 0; traps_seen = info[5];
  if (v) *v = r;
  return info[0] == 0;
}
static int rd(u32 o1, u32 n, u32 m, u32 o2, int usr, u32 *v) { return try_insn(enc(0, o1, n, m, o2), 0, usr, v); }
static int wr(u32 o1, u32 n, u32 m, u32 o2, int usr, u32 v) { return try_insn(enc(1, o1, n, m, o2), v, usr, 0); }

/* Values read in SVC mode during the sweep (written back by the MCR sweep). */
static u32 val[8][16][16][8];
static unsigned char readable[8][16][16][8];

/* Encodings the MCR sweep must not write: c7, c0, 4 is the ARMv6 wait-for-interrupt operation. */
static int skip_write(u32 o1, u32 n, u32 m, u32 o2) { return o1 == 0 && n == 7 && m == 0 && o2 == 4; }

static void sweep(int mcr, int usr) {
  char b[140];
  for (u32 o1 = 0; o1 < 8; o1++) for (u32 n = 0; n < 16; n++) {
    int k = 0;
    const char *p = mcr ? (usr ? "mcr usr " : "mcr svc ") : (usr ? "mrc usr " : "mrc svc ");
    while (*p) b[k++] = *p++;
    b[k++] = '0' + o1; b[k++] = ' '; b[k++] = 'c'; if (n >= 10) b[k++] = '1'; b[k++] = '0' + n % 10; b[k++] = ' ';
    for (u32 m = 0; m < 16; m++) for (u32 o2 = 0; o2 < 8; o2++) {
      int ok;
      if (mcr) {
        if (skip_write(o1, n, m, o2)) { b[k++] = '-'; continue; }
        ok = wr(o1, n, m, o2, usr, readable[o1][n][m][o2] ? val[o1][n][m][o2] : 0);
      } else {
        u32 v;
        ok = rd(o1, n, m, o2, usr, &v);
        if (!usr) { readable[o1][n][m][o2] = ok; val[o1][n][m][o2] = v; }
      }
      b[k++] = ok ? (mcr ? 'w' : 'r') : '.';
      if ((o2 == 7) && m != 15) b[k++] = m == 7 ? '|' : ' ';
    }
    b[k++] = '\n'; b[k] = 0;
    puts_(b);
  }
}

static void values(void) {
  for (u32 o1 = 0; o1 < 8; o1++) for (u32 n = 0; n < 16; n++)
    for (u32 m = 0; m < 16; m++) for (u32 o2 = 0; o2 < 8; o2++) {
      if (!readable[o1][n][m][o2]) continue;
      puts_("val "); dec(o1); puts_(" c"); dec(n); puts_(" c"); dec(m); puts_(" "); dec(o2); puts_(" ");
      hex(val[o1][n][m][o2]); puts_("\n");
    }
}

/* ------------------------------------------------------------------ PMU */
#define PMCR_R() MRC(c9, 0, c12, 0)
#define PMCR_W(v) MCR(c9, 0, c12, 0, v)
#define PMCNTENSET_R() MRC(c9, 0, c12, 1)
#define PMCNTENSET_W(v) MCR(c9, 0, c12, 1, v)
#define PMCNTENCLR_R() MRC(c9, 0, c12, 2)
#define PMCNTENCLR_W(v) MCR(c9, 0, c12, 2, v)
#define PMOVSR_R() MRC(c9, 0, c12, 3)
#define PMOVSR_W(v) MCR(c9, 0, c12, 3, v)
#define PMSWINC_W(v) MCR(c9, 0, c12, 4, v)
#define PMSELR_R() MRC(c9, 0, c12, 5)
#define PMSELR_W(v) MCR(c9, 0, c12, 5, v)
#define PMCCNTR_R() MRC(c9, 0, c13, 0)
#define PMCCNTR_W(v) MCR(c9, 0, c13, 0, v)
#define PMXEVTYPER_R() MRC(c9, 0, c13, 1)
#define PMXEVTYPER_W(v) MCR(c9, 0, c13, 1, v)
#define PMXEVCNTR_R() MRC(c9, 0, c13, 2)
#define PMXEVCNTR_W(v) MCR(c9, 0, c13, 2, v)
#define PMUSERENR_R() MRC(c9, 0, c14, 0)
#define PMUSERENR_W(v) MCR(c9, 0, c14, 0, v)
#define PMINTENSET_R() MRC(c9, 0, c14, 1)
#define PMINTENSET_W(v) MCR(c9, 0, c14, 1, v)
#define PMINTENCLR_R() MRC(c9, 0, c14, 2)
#define PMINTENCLR_W(v) MCR(c9, 0, c14, 2, v)

static const char *cmp(u32 a, u32 b) { return b > a ? "increased" : b == a ? "same" : "decreased"; }

static u32 usr_pmu_reads(u32 unused) {
  (void)unused;
  u32 ok = 0, v;
  __asm__ volatile("mrc p15, 0, %0, c9, c12, 0" : "=r"(v)); ok |= 1;
  __asm__ volatile("mrc p15, 0, %0, c9, c13, 0" : "=r"(v)); ok |= 2;
  __asm__ volatile("mcr p15, 0, %0, c9, c12, 1" :: "r"(0x80000000u)); ok |= 4;
  __asm__ volatile("mcr p15, 0, %0, c9, c12, 4" :: "r"(1)); ok |= 8;
  return ok;
}

static void pmu(void) {
  s("pmu reset");
  line("PMCR", PMCR_R());
  line("PMCNTENSET", PMCNTENSET_R());
  line("PMCNTENCLR", PMCNTENCLR_R());
  line("PMOVSR", PMOVSR_R());
  line("PMSELR", PMSELR_R());
  line("PMCCNTR", PMCCNTR_R());
  line("PMXEVTYPER", PMXEVTYPER_R());
  line("PMXEVCNTR", PMXEVCNTR_R());
  line("PMUSERENR", PMUSERENR_R());
  line("PMINTENSET", PMINTENSET_R());
  line("PMINTENCLR", PMINTENCLR_R());
  line("PMCEID0", MRC(c9, 0, c12, 6));
  line("PMCEID1", MRC(c9, 0, c12, 7));

  s("pmu write masks");
  PMCR_W(0xfffffff0u); line("PMCR<-fffffff0", PMCR_R());
  PMCR_W(0xffffffffu); line("PMCR<-ffffffff", PMCR_R());
  PMCR_W(0x9u); line("PMCR<-9", PMCR_R());
  PMCR_W(0); line("PMCR<-0", PMCR_R());
  PMCNTENSET_W(0xffffffffu); line("PMCNTENSET<-ffffffff", PMCNTENSET_R());
  line("PMCNTENCLR after set", PMCNTENCLR_R());
  PMCNTENCLR_W(0x7fffffffu); line("PMCNTENCLR<-7fffffff", PMCNTENSET_R());
  PMCNTENCLR_W(0xffffffffu); line("PMCNTENCLR<-ffffffff", PMCNTENSET_R());
  PMINTENSET_W(0xffffffffu); line("PMINTENSET<-ffffffff", PMINTENSET_R());
  PMINTENCLR_W(0xffffffffu); line("PMINTENCLR<-ffffffff", PMINTENSET_R());
  PMUSERENR_W(0xffffffffu); line("PMUSERENR<-ffffffff", PMUSERENR_R());
  PMUSERENR_W(0); line("PMUSERENR<-0", PMUSERENR_R());
  for (u32 sel = 0; sel < 32; sel++) {
    u32 ok;
    PMSELR_W(sel);
    u32 back = PMSELR_R();
    u32 t = 0, c = 0;
    int tr = try_insn(enc(0, 0, 9, 13, 1), 0, 0, &t);
    int tw = try_insn(enc(1, 0, 9, 13, 1), 0xffffffffu, 0, 0);
    u32 t2 = 0; try_insn(enc(0, 0, 9, 13, 1), 0, 0, &t2);
    try_insn(enc(1, 0, 9, 13, 1), 0, 0, 0);
    int cr = try_insn(enc(0, 0, 9, 13, 2), 0, 0, &c);
    int cw = try_insn(enc(1, 0, 9, 13, 2), 0x12345678u, 0, 0);
    u32 c2 = 0; ok = try_insn(enc(0, 0, 9, 13, 2), 0, 0, &c2);
    (void)ok;
    puts_("PMSELR<-"); dec(sel); puts_(" reads "); hex(back);
    puts_(" TYPER "); puts_(tr ? "r" : "U"); puts_(tw ? "w " : "U "); hex(t2);
    puts_(" CNTR "); puts_(cr ? "r" : "U"); puts_(cw ? "w " : "U "); hex(c2); puts_("\n");
  }
  PMSELR_W(0xffffffffu); line("PMSELR<-ffffffff", PMSELR_R());
  PMSELR_W(0);

  s("pmu cycle counter");
  PMCCNTR_W(0x1000); line("PMCCNTR<-1000 (E=0)", PMCCNTR_R());
  busy(1000); line("PMCCNTR after loop (E=0)", PMCCNTR_R());
  PMCR_W(4); line("PMCR<-4 (C)", PMCR_R()); line("PMCCNTR after C", PMCCNTR_R());
  PMCNTENSET_W(0x80000000u);
  PMCR_W(1);
  u32 a = PMCCNTR_R(); busy(1000); u32 b = PMCCNTR_R();
  puts_("E=1 counting: "); puts_(cmp(a, b)); puts_("\n");
  PMCNTENCLR_W(0x80000000u);
  a = PMCCNTR_R(); busy(1000); b = PMCCNTR_R();
  puts_("E=1 cycle counter disabled: "); puts_(cmp(a, b)); puts_("\n");
  PMCNTENSET_W(0x80000000u);
  PMCR_W(0);
  a = PMCCNTR_R(); busy(1000); b = PMCCNTR_R();
  puts_("E=0 enabled: "); puts_(cmp(a, b)); puts_("\n");
  PMCR_W(1 | 8);
  a = PMCCNTR_R(); busy(1000); b = PMCCNTR_R();
  puts_("D=1 counting: "); puts_(cmp(a, b)); puts_("\n");
  PMCR_W(1);
  PMCCNTR_W(0xfffffff0u);
  busy(100000);
  b = PMCCNTR_R();
  puts_("overflow: PMCCNTR "); puts_(b < 0xfffffff0u ? "wrapped" : "not wrapped");
  line(" PMOVSR", PMOVSR_R());
  PMOVSR_W(0x7fffffffu); line("PMOVSR<-7fffffff", PMOVSR_R());
  PMOVSR_W(0xffffffffu); line("PMOVSR<-ffffffff", PMOVSR_R());
  PMCR_W(1 | 4); b = PMCCNTR_R(); puts_("C while E=1: "); puts_(b < 0x100000 ? "small" : "large"); puts_("\n");
  PMCR_W(0); PMCNTENCLR_W(0xffffffffu);

  s("pmu event counters");
  PMSELR_W(0); PMXEVTYPER_W(0); PMXEVCNTR_W(0); PMCNTENSET_W(1);
  PMSWINC_W(1); line("SW_INCR E=0 after PMSWINC", PMXEVCNTR_R());
  PMCR_W(1);
  PMSWINC_W(1); PMSWINC_W(1); PMSWINC_W(3); line("SW_INCR E=1 after 3 PMSWINC", PMXEVCNTR_R());
  PMCNTENCLR_W(1); PMSWINC_W(1); line("SW_INCR disabled after PMSWINC", PMXEVCNTR_R());
  PMCNTENSET_W(1);
  PMXEVCNTR_W(0xffffffffu); PMSWINC_W(1); line("SW_INCR wrap", PMXEVCNTR_R()); line("PMOVSR", PMOVSR_R());
  PMOVSR_W(0xffffffffu);
  static const u32 evs[] = {0x00, 0x01, 0x03, 0x04, 0x08, 0x10, 0x11, 0x12, 0x13, 0x1b, 0x1c, 0x40, 0x68, 0xff};
  for (unsigned i = 0; i < sizeof evs / sizeof evs[0]; i++) {
    PMXEVTYPER_W(evs[i]); u32 t = PMXEVTYPER_R();
    PMXEVCNTR_W(0); a = PMXEVCNTR_R(); busy(1000); b = PMXEVCNTR_R();
    puts_("event "); hex(evs[i]); puts_(" typer "); hex(t); puts_(" count "); puts_(cmp(a, b)); puts_("\n");
  }
  PMXEVTYPER_W(0x11); PMXEVCNTR_W(0x5000); PMCR_W(1 | 2);
  line("P=1: PMXEVCNTR", PMXEVCNTR_R());
  PMCR_W(0); PMCNTENCLR_W(0xffffffffu); PMOVSR_W(0xffffffffu);

  s("pmu user access");
  info[0] = 0; u32 r = call_usr(usr_pmu_reads, 0); resume = 0; traps_seen = info[5]; puts_("PMUSERENR=0: "); hex(r); puts_(info[0] == 3 ? " undef\n" : "\n");
  PMUSERENR_W(1);
  info[0] = 0; r = call_usr(usr_pmu_reads, 0); resume = 0; traps_seen = info[5]; puts_("PMUSERENR=1: "); hex(r); puts_(info[0] == 3 ? " undef\n" : "\n");
  line("PMCNTENSET after user write", PMCNTENSET_R());
  PMCNTENCLR_W(0xffffffffu);
  puts_("user sweep of c9 with PMUSERENR=1\n");
  {
    char b2[140]; int k = 0;
    for (u32 m = 0; m < 16; m++) for (u32 o2 = 0; o2 < 8; o2++) {
      u32 v; int okr = rd(0, 9, m, o2, 1, &v);
      int okw = wr(0, 9, m, o2, 1, readable[0][9][m][o2] ? val[0][9][m][o2] : 0);
      b2[k++] = okr ? (okw ? 'b' : 'r') : (okw ? 'w' : '.');
      if (o2 == 7 && m != 15) b2[k++] = ' ';
    }
    b2[k++] = '\n'; b2[k] = 0; puts_("c9 "); puts_(b2);
    k = 0;
    for (u32 m = 0; m < 16; m++) for (u32 o2 = 0; o2 < 8; o2++) {
      u32 v; int okr = rd(0, 14, m, o2, 1, &v);
      int okw = wr(0, 14, m, o2, 1, 0);
      b2[k++] = okr ? (okw ? 'b' : 'r') : (okw ? 'w' : '.');
      if (o2 == 7 && m != 15) b2[k++] = ' ';
    }
    b2[k++] = '\n'; b2[k] = 0; puts_("c14 "); puts_(b2);
  }
  PMCR_W(0); PMCNTENCLR_W(0xffffffffu); PMOVSR_W(0xffffffffu); PMINTENCLR_W(0xffffffffu);
  PMUSERENR_W(0);
}

/* ------------------------------------------------------------------ Security Extensions */
static void info_line(const char *name, const void *insn) {
  puts_(name);
  u32 k = info[0];
  if (k == 0) { puts_(" no trap\n"); return; }
  puts_(k == 4 ? " SMC" : k == 3 ? " UND" : k == 2 ? " PABT" : " DABT");
  puts_(" lr="); if (insn) { puts_("insn+"); hex(info[1] - (u32)insn); } else hex(info[1]);
  puts_(" spsr="); hex(info[2]); puts_(" cpsr="); hex(info[3]); puts_("\n");
}

static u32 ats_op(u32 o2, u32 va) {
  set_stub(enc(1, 0, 7, 8, o2)); run_stub(va); resume = 0; traps_seen = info[5];
  return MRC(c7, 0, c4, 0);
}

static void security(void) {
  s("ats12nso");
  for (u32 o2 = 4; o2 < 8; o2++) { puts_("ATS12NSO op"); dec(o2); line(" 12345678: PAR", ats_op(o2, 0x12345678)); }

  s("security registers");
  line("SCR", MRC(c1, 0, c1, 0));
  line("SDER", MRC(c1, 0, c1, 1));
  line("NSACR", MRC(c1, 0, c1, 2));
  line("MVBAR", MRC(c12, 0, c0, 1));
  line("VBAR", MRC(c12, 0, c0, 0));
  MCR(c1, 0, c1, 0, 0xfffffffeu); line("SCR<-fffffffe", MRC(c1, 0, c1, 0)); MCR(c1, 0, c1, 0, 0);
  MCR(c1, 0, c1, 1, 0xffffffffu); line("SDER<-ffffffff", MRC(c1, 0, c1, 1)); MCR(c1, 0, c1, 1, 0);
  MCR(c1, 0, c1, 2, 0xffffffffu); line("NSACR<-ffffffff", MRC(c1, 0, c1, 2)); MCR(c1, 0, c1, 2, 0);
  MCR(c12, 0, c0, 1, 0xffffffffu); line("MVBAR<-ffffffff", MRC(c12, 0, c0, 1));
  MCR(c12, 0, c0, 1, (u32)mon_vectors); line("MVBAR<-mon_vectors (offset from value)", MRC(c12, 0, c0, 1) - (u32)mon_vectors);

  s("smc");
  info[0] = 0; smc_arm(); resume = 0; traps_seen = info[5]; info_line("smc arm from svc", smc_arm_insn);
  puts_("  mon sp on entry "); hex(info[4]); puts_("\n");
  info[0] = 0; smc_cond_false(); resume = 0; traps_seen = info[5]; info_line("smcne not taken", 0);
  info[0] = 0; smc_thumb(); resume = 0; traps_seen = info[5]; info_line("smc thumb from svc", smc_thumb_insn);
  u32 v;
  int ok = try_insn(0xe1600070u, 0, 1, &v); /* smc #0 from User mode */
  puts_("smc from usr: "); puts_(ok ? "ran" : "undef"); puts_(" "); info_line("", 0);
  for (u32 w = 0; w < 3; w++) {
    static const u32 words[3] = {0xe16fff70u, 0xe1600f70u, 0xe1601070u}; /* SMC with (0) bits set */
    int ran = try_insn(words[w], 0, 0, &v);
    puts_("smc word "); hex(words[w]); puts_(ran ? ": no UNDEF" : ": UNDEF"); info_line("", 0);
  }
  MCR(c1, 0, c1, 0, 0x80); /* SCR.SCD */
  info[0] = 0; smc_arm(); resume = 0; traps_seen = info[5]; info_line("smc with SCR.SCD=1", smc_arm_insn);
  MCR(c1, 0, c1, 0, 0);
  __asm__ volatile("mrs %0, cpsr" : "=r"(v)); line("cpsr back in svc", v);

  s("monitor mode");
  u32 out[5];
  mon_bank(out);
  line("sp_svc kept", out[0]);
  line("sp_mon", out[1]); line("lr_mon", out[2]); line("spsr_mon", out[3]); line("cpsr in mon", out[4]);
  info[0] = 0; smc_arm(); resume = 0; traps_seen = info[5]; puts_("smc after mon_bank: sp_mon on entry "); hex(info[4]); puts_("\n");
  line("msr cpsr_c to mon", enter_mon_msr());
  info[0] = 0; und_in_mon(); resume = 0; traps_seen = info[5]; info_line("udf in mon", 0);
  /* Banked MRS/MSR (Virtualization Extensions forms): mrs r0, sp_mon; mrs r0, spsr_mon; msr sp_mon, r0 */
  ok = try_insn(0xe10d0300u | (0x1 << 16) | (0 << 12), 0, 0, &v);
  puts_("mrs r0, sp_mon: "); puts_(ok ? "ran\n" : "undef\n");
  ok = try_insn(0xe14e0300u, 0, 0, &v);
  puts_("mrs r0, spsr_mon: "); puts_(ok ? "ran\n" : "undef\n");
  ok = try_insn(0xe12df300u, 0, 0, 0);
  puts_("msr sp_mon, r0: "); puts_(ok ? "ran\n" : "undef\n");
  line("SCR read in Monitor mode after writing NS=1", scr_ns_in_mon());
  line("  MIDR read there", mon_out[0]);
  line("  SCR back in SVC", MRC(c1, 0, c1, 0));
  srs_rfe_mon(out);
  line("srsdb #0x16 from svc: sp_mon moved by", 0u - (out[0] - (u32)&mon_out[0] - 16 - 256));
  line("  stored lr", out[1]); line("  stored spsr", out[2]); line("  cpsr after rfe to mon", out[3]);
  /* cps #0x16 from User mode is ignored */
  ok = try_insn(0xf1020016u, 0, 1, 0);
  puts_("cps #0x16 from usr: "); puts_(ok ? "ran" : "undef"); puts_("\n");
}

/* ------------------------------------------------------------------ TLB maintenance by MVA */
#define T0 ((volatile u32 *)0x60100000)
#define L2 ((volatile u32 *)0x60108000)
static void tlbiall(void) { __asm__ volatile("dsb\n mcr p15, 0, %0, c8, c7, 0\n dsb\n isb" :: "r"(0) : "memory"); }
static u32 ld(u32 va) { return *(volatile u32 *)va; }
static void tlbop(u32 crm, u32 o2, u32 v) {
  set_stub(enc(1, 0, crm >> 4 ? crm >> 4 : 8, crm & 15, o2));
  run_stub(v); resume = 0;
  __asm__ volatile("dsb\n isb" ::: "memory");
}
static void pages(u32 pa_a, u32 pa_b) {
  L2[0] = pa_a | 0x30 | 2; L2[1] = pa_b | 0x30 | 2; L2[2] = 0x60404000 | 0x30 | 2;
  L2[3] = 0x60405000 | 0x30 | 2 | 0x800; /* nG */
  __asm__ volatile("dsb" ::: "memory");
}
/* Entries for other pages than the one invalidated may or may not survive (QEMU's TLB evicts by
 * its own rules), so after an operation by MVA only page A is printed. */
static void show(const char *name, int all) {
  puts_(name); puts_(" A="); hex(ld(0x10000000));
  if (!all) { puts_("\n"); return; }
  puts_(" B="); hex(ld(0x10001000));
  puts_(" C="); hex(ld(0x10002000)); puts_(" D="); hex(ld(0x10003000)); puts_("\n");
}

static void tlb(void) {
  s("tlb maintenance");
  for (u32 i = 0; i < 8; i++) *(volatile u32 *)(0x60400000 + i * 0x1000) = 0xa0 + i;
  for (int i = 0; i < 4096; i++) T0[i] = 0;
  for (u32 i = 0x600; i < 0x700; i++) T0[i] = (i << 20) | (3 << 10) | 2;
  T0[0x100] = 0x60108000 | 1;
  for (int i = 0; i < 256; i++) L2[i] = 0;
  MCR(c2, 0, c0, 0, 0x60100000); MCR(c3, 0, c0, 0, 1); MCR(c13, 0, c0, 1, 0x05);
  tlbiall();
  MCR(c1, 0, c0, 0, MRC(c1, 0, c0, 0) | 1);
  static const struct { const char *name; u32 crm, o2, va; } ops[] = {
    {"TLBIMVA A", 7, 1, 0x10000000}, {"TLBIMVA A|asid5", 7, 1, 0x10000005}, {"TLBIMVA A|asid9", 7, 1, 0x10000009},
    {"TLBIMVAA A", 7, 3, 0x10000000}, {"TLBIMVAIS A", 3, 1, 0x10000000}, {"TLBIMVAAIS A", 3, 3, 0x10000000},
    {"DTLBIMVA A", 6, 1, 0x10000000}, {"ITLBIMVA A", 5, 1, 0x10000000}, {"TLBIMVA A+fff", 7, 1, 0x10000fff},
    {"TLBIASID 5", 7, 2, 5}, {"TLBIASID 9", 7, 2, 9}, {"TLBIASIDIS 9", 3, 2, 9},
    {"DTLBIASID 9", 6, 2, 9}, {"ITLBIALL", 5, 0, 0}, {"DTLBIALL", 6, 0, 0}, {"TLBIALLIS", 3, 0, 0},
    {"CP15DMB (no TLB operation)", 0x7a, 5, 0},
  };
  for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
    pages(0x60400000, 0x60401000); tlbiall();
    show("  fill", 1); /* A=a0 B=a1 C=a4 D=a5 */
    pages(0x60402000, 0x60403000);
    L2[2] = 0x60406000 | 0x30 | 2; L2[3] = 0x60407000 | 0x30 | 2 | 0x800;
    __asm__ volatile("dsb" ::: "memory");
    show("  no maintenance", 1);
    tlbop(ops[i].crm, ops[i].o2, ops[i].va);
    show(ops[i].name, ops[i].crm == 0x7a || (ops[i].o2 != 1 && ops[i].o2 != 3));

  }
  /* user-mode TLB set: fill from User mode, flush by MVA, read again from User mode */
  pages(0x60400000, 0x60401000); tlbiall();
  L2[0] |= 0x30; __asm__ volatile("dsb" ::: "memory");
  u32 ua = call_usr((u32 (*)(u32))ld, 0x10000000), ub = call_usr((u32 (*)(u32))ld, 0x10001000); resume = 0;
  pages(0x60402000, 0x60403000);
  tlbop(7, 1, 0x10000000);
  u32 ua2 = call_usr((u32 (*)(u32))ld, 0x10000000), ub2 = call_usr((u32 (*)(u32))ld, 0x10001000); resume = 0;
  (void)ub2;
  puts_("user TLBIMVA A: before "); hex(ua); puts_(" "); hex(ub); puts_(" after "); hex(ua2); puts_("\n");
  MCR(c1, 0, c0, 0, MRC(c1, 0, c0, 0) & ~1u);
  tlbiall();
  MCR(c13, 0, c0, 1, 0);
}

/* ------------------------------------------------------------------ NOR flash */
static void flash(void) {
  s("nor flash");
  static const u32 addrs[] = {0x0, 0x4, 0x100, 0x03fffffc, 0x04000000, 0x40000000, 0x40000004, 0x43fffffc,
                              0x44000000, 0x47fffffc, 0x48000000 - 0x1000000};
  for (unsigned i = 0; i < sizeof addrs / sizeof addrs[0]; i++) { puts_("rd "); hex(addrs[i]); line("", ld(addrs[i])); }
  *(volatile u32 *)0x40000100 = 0x12345678; line("after write 12345678 to 40000100: 40000100", ld(0x40000100));
  line("  0x100", ld(0x100));
  *(volatile unsigned char *)0x44000200 = 0x55; line("after byte write 55 to 44000200:", ld(0x44000200));
  *(volatile u32 *)0x40000000 = 0x90; /* read identifier */
  line("id mode 40000000", ld(0x40000000)); line("id mode 40000004", ld(0x40000004)); line("id mode 0", ld(0));
  line("id mode 44000000", ld(0x44000000));
  *(volatile u32 *)0x40000000 = 0xff;
  line("read array 40000000", ld(0x40000000));
  *(volatile u32 *)0x40000000 = 0x98; /* CFI query */
  line("cfi 40000040", ld(0x40000040)); line("cfi 40000044", ld(0x40000044)); line("cfi 40000048", ld(0x40000048));
  line("cfi 0x40", ld(0x40));
  *(volatile u32 *)0x40000000 = 0xff;
  *(volatile u32 *)0x40000000 = 0x70; line("status 40000000", ld(0x40000000));
  *(volatile u32 *)0x40000000 = 0xff; line("read array again", ld(0x40000000));
  /* table walks into flash: L1 table at 40000000, L2 table at 44000000 */
  for (u32 i = 0x600; i < 0x700; i++) T0[i] = (i << 20) | (3 << 10) | 2;
  T0[0x100] = 0x44000000 | 1;
  MCR(c2, 0, c0, 0, 0x60100000); MCR(c3, 0, c0, 0, 1); tlbiall();
  MCR(c1, 0, c0, 0, MRC(c1, 0, c0, 0) | 1);
  u32 par;
  MCR(c7, 0, c8, 0, 0x10000344); par = MRC(c7, 0, c4, 0); line("ATS1CPR via L2 at 44000000: PAR", par);
  T0[0x100] = 0x00000000 | 1; tlbiall();
  MCR(c7, 0, c8, 0, 0x10000344); par = MRC(c7, 0, c4, 0); line("ATS1CPR via L2 at 0: PAR", par);
  MCR(c1, 0, c0, 0, MRC(c1, 0, c0, 0) & ~1u);
  /* TTBCR.N=3: VA below 20000000 walks the TTBR0 table in flash, the code the TTBR1 table */
  MCR(c2, 0, c0, 0, 0x40000000); MCR(c2, 0, c0, 1, 0x60100000); MCR(c2, 0, c0, 2, 3); tlbiall();
  MCR(c1, 0, c0, 0, MRC(c1, 0, c0, 0) | 1);
  MCR(c7, 0, c8, 0, 0x10000344); par = MRC(c7, 0, c4, 0);
  MCR(c1, 0, c0, 0, MRC(c1, 0, c0, 0) & ~1u);
  line("ATS1CPR with L1 table at 40000000: PAR", par);
  MCR(c2, 0, c0, 2, 0); MCR(c2, 0, c0, 0, 0); MCR(c2, 0, c0, 1, 0); tlbiall();
}

/* Write all ones to every register that reads and writes in SVC mode, print what reads back,
 * restore. Left out: SCTLR, SCR (NS), VBAR and MVBAR (the probe's vectors), and the wildcard
 * repeats of DACR (c3) and the lockdown space (c10). */
static void masks(void) {
  s("write masks");
  for (u32 o1 = 0; o1 < 8; o1++) for (u32 n = 0; n < 16; n++)
    for (u32 m = 0; m < 16; m++) for (u32 o2 = 0; o2 < 8; o2++) {
      if (!readable[o1][n][m][o2]) continue;
      if (o1 == 0 && n == 1 && (m == 0 || m == 1) && o2 == 0) continue;
      if (o1 == 0 && n == 12 && m == 0) continue;
      if (n == 3 && (o1 | m | o2) != 0) continue;
      if (n == 10 && !(o1 == 0 && ((m == 0 && o2 == 0) || m == 2))) continue;
      u32 old, back;
      if (!rd(o1, n, m, o2, 0, &old)) continue;
      int okw = wr(o1, n, m, o2, 0, 0xffffffffu);
      rd(o1, n, m, o2, 0, &back);
      wr(o1, n, m, o2, 0, old);
      puts_("mask "); dec(o1); puts_(" c"); dec(n); puts_(" c"); dec(m); puts_(" "); dec(o2); puts_(" ");
      if (okw) hex(back); else puts_("read-only");
      puts_("\n");
    }
  for (u32 sel = 0; sel < 16; sel++) {
    u32 v;
    wr(2, 0, 0, 0, 0, sel); rd(1, 0, 0, 0, 0, &v);
    puts_("CSSELR<-"); dec(sel); puts_(" CCSIDR "); hex(v); puts_("\n");
  }
  wr(2, 0, 0, 0, 0, 0);
}

int main(void) {
  s("sweep");
  sweep(0, 0);
  values();
  sweep(0, 1);
  pmu();
  security();
  tlb();
  flash();
  masks();
  sweep(1, 0);
  sweep(1, 1);
  s("end");
  return 0;
}
