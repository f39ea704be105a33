/* MMU test program (ARM and Thumb builds): builds short-descriptor tables, turns the MMU on and
 * checks translation, every fault kind with a handler that repairs the cause and returns, TLB
 * behaviour with and without maintenance, ASID switches, high vectors and VBAR with the MMU on,
 * unprivileged accesses (LDRT/STRT and User mode) and alignment checking. Expected values are
 * the architecture's; the QEMU differential test (test/qemu/mmu.test.ts) checks that armada
 * prints exactly what qemu-system-arm 7.2 prints. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include "check.h"

typedef uint32_t u32;

extern void install_vectors(void);
extern u32 run_user(u32 (*fn)(u32), u32 arg);
extern const u32 vec_table[], vec_table_end[];

#define MCR(crn, op1, crm, op2, v) __asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 "\n isb" :: "r"(v) : "memory")
#define MRC(crn, op1, crm, op2) ({ u32 v_; __asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(v_) :: "memory"); v_; })

#define SCTLR_R() MRC(c1, 0, c0, 0)
#define SCTLR_W(v) MCR(c1, 0, c0, 0, v)
#define DACR_W(v) MCR(c3, 0, c0, 0, v)
#define DACR_R() MRC(c3, 0, c0, 0)
#define TTBR0_W(v) MCR(c2, 0, c0, 0, v)
#define CONTEXTIDR_W(v) MCR(c13, 0, c0, 1, v)
#define TLBIALL() MCR(c8, 0, c7, 0, 0)
#define TLBIMVA(va) MCR(c8, 0, c7, 1, va)
#define VBAR_W(v) MCR(c12, 0, c0, 0, v)

static u32 l1[4096] __attribute__((aligned(16384)));
static u32 l1b[4096] __attribute__((aligned(16384)));
static u32 l2[256] __attribute__((aligned(1024)));   /* VA 0xb0000000..0xb00fffff */
static uint8_t pages[8][4096] __attribute__((aligned(4096)));
static u32 vecpage[1024] __attribute__((aligned(4096)));
static u32 l2hi[256] __attribute__((aligned(1024)));  /* VA 0xfff00000..0xffffffff */

#define WIN 0xb0000000u
#define PG(n) ((u32)(uintptr_t)pages[n])
/* small page descriptor: AP[2:0] (AP2 at bit 9, AP[1:0] at 5:4), XN bit 0, nG bit 11 */
static u32 small(u32 pa, u32 ap, u32 xn) { return (pa & ~0xfffu) | ((ap & 4) << 7) | ((ap & 3) << 4) | 2 | (xn & 1); }
static u32 l1_section(u32 pa, u32 ap, u32 dom) { return (pa & 0xfff00000u) | ((ap & 4) << 13) | ((ap & 3) << 10) | (dom << 5) | 2; }
static u32 l1_table(const u32 *t, u32 dom) { return (u32)(uintptr_t)t | (dom << 5) | 1; }

/* ------------------------------------------------------------------ fault handling */
enum { FIX_NONE, FIX_PTE, FIX_L1, FIX_DACR, FIX_SKIP };
static volatile u32 nfaults, last_kind, last_fsr, last_far, last_spsr;
static volatile u32 fix, fix_idx, fix_val;

u32 on_fault(u32 kind, u32 fsr, u32 far, u32 spsr) {
  nfaults++; last_kind = kind; last_fsr = fsr; last_far = far; last_spsr = spsr;
  if (kind == 2) return (spsr & 0x20) ? 2 : 4;
  switch (fix) {
  case FIX_PTE: l2[fix_idx] = fix_val; TLBIMVA(far & ~0xfffu); break;
  case FIX_L1: l1[fix_idx] = fix_val; TLBIMVA(far & ~0xfffu); break;
  case FIX_DACR: DACR_W(fix_val); break;
  case FIX_SKIP: fix = FIX_NONE; return 4;
  default: return 4; /* unexpected: skip (a 4-byte access in the helpers below) */
  }
  fix = FIX_NONE;
  return 0;
}
static void expect_fix(u32 how, u32 idx, u32 val) { nfaults = 0; fix = how; fix_idx = idx; fix_val = val; }

#ifdef __thumb__
#define W ".w"
#else
#define W ""
#endif
static inline u32 ld(u32 va) { u32 v; __asm__ volatile("ldr" W " %0, [%1]" : "=r"(v) : "r"(va) : "memory"); return v; }
static inline void st(u32 va, u32 v) { __asm__ volatile("str" W " %0, [%1]" :: "r"(v), "r"(va) : "memory"); }
static inline u32 ldrt(u32 va) { u32 v = 0xdead; __asm__ volatile("ldrt %0, [%1]" : "+r"(v) : "r"(va) : "memory"); return v; }
static inline void strt(u32 va, u32 v) { __asm__ volatile("strt %0, [%1]" :: "r"(v), "r"(va) : "memory"); }

static u32 dom_fsr(u32 fs, u32 dom) { return fs | (dom << 4); }

/* ------------------------------------------------------------------ groups */
static void mmu_on(void) {
  group_begin("mmu on (flat sections, window of small pages)");
  for (u32 i = 0; i < 4096; i++) l1[i] = l1_section(i << 20, 3, 0);
  l1[WIN >> 20] = l1_table(l2, 1);
  for (u32 i = 0; i < 8; i++) l2[i] = small(PG(i), 3, 0);
  for (u32 i = 0; i < 8; i++) { u32 *p = (u32 *)pages[i]; for (u32 k = 0; k < 1024; k++) p[k] = (i << 24) | k; }
  DACR_W(0x5); /* domains 0 and 1 client */
  MCR(c2, 0, c0, 2, 0); /* TTBCR */
  TTBR0_W((u32)(uintptr_t)l1);
  TLBIALL();
  SCTLR_W(SCTLR_R() | 1);
  CHECK(SCTLR_R() & 1, 1);
  CHECK(ld(WIN + 0x10), 0x00000004);
  CHECK(ld(WIN + 0x3004), 0x03000001);
  st(WIN + 0x5008, 0x12345678);
  CHECK(((u32 *)pages[5])[2], 0x12345678);
  CHECK(*(volatile uint8_t *)(WIN + 0x7003), 0x07);
  /* ATS and PAR */
  MCR(c7, 0, c8, 0, WIN + 0x2abc); CHECK(MRC(c7, 0, c4, 0), PG(2));
  l1[0xb04] = 0; TLBIALL();
  MCR(c7, 0, c8, 0, 0xb0400000u); CHECK(MRC(c7, 0, c4, 0), 0xb);
  CHECK(nfaults, 0);
  group_end();
}

static void faults(void) {
  group_begin("faults repaired by the handler");
  /* translation fault (page), read then write */
  l2[9] = 0; TLBIALL();
  expect_fix(FIX_PTE, 9, small(PG(1), 3, 0));
  CHECK(ld(WIN + 0x9008), 0x01000002);
  CHECK(nfaults, 1); CHECK(last_kind, 0); CHECK(last_fsr, dom_fsr(0x7, 1)); CHECK(last_far, WIN + 0x9008);
  l2[10] = 0; TLBIALL();
  expect_fix(FIX_PTE, 10, small(PG(6), 3, 0));
  st(WIN + 0xa00c, 0xcafe);
  CHECK(nfaults, 1); CHECK(last_fsr, 0x800 | dom_fsr(0x7, 1)); CHECK(((u32 *)pages[6])[3], 0xcafe);
  /* permission fault: privileged read-only page written */
  l2[11] = small(PG(2), 5, 0); TLBIALL();
  CHECK(ld(WIN + 0xb000), 0x02000000);
  expect_fix(FIX_PTE, 11, small(PG(2), 1, 0));
  st(WIN + 0xb000, 0x77);
  CHECK(nfaults, 1); CHECK(last_fsr, 0x800 | dom_fsr(0xf, 1)); CHECK(last_far, WIN + 0xb000);
  CHECK(((u32 *)pages[2])[0], 0x77);
  /* section translation fault */
  l1[0xb01] = 0; TLBIALL();
  expect_fix(FIX_L1, 0xb01, l1_section(PG(0) & 0xfff00000u, 3, 0));
  CHECK(ld(0xb0100000u + (PG(3) & 0xfffff)), 0x03000000);
  CHECK(nfaults, 1); CHECK(last_fsr, 0x5); CHECK(last_far, 0xb0100000u + (PG(3) & 0xfffff));
  /* section domain fault: domain 2 no access, the handler makes it client */
  l1[0xb02] = l1_section(PG(0) & 0xfff00000u, 3, 2); TLBIALL();
  expect_fix(FIX_DACR, 0, 0x5 | (1 << 4));
  CHECK(ld(0xb0200000u + (PG(4) & 0xfffff) + 4), 0x04000001);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0x9, 2));
  /* page domain fault (domain 1 no access) */
  DACR_W(0x1 | (1 << 4));
  expect_fix(FIX_DACR, 0, 0x5 | (1 << 4));
  CHECK(ld(WIN + 0x4000), 0x04000000);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0xb, 1));
  /* access flag fault (SCTLR.AFE=1, AP[0]=0) */
  SCTLR_W(SCTLR_R() | (1u << 29));
  l2[12] = small(PG(5), 2, 0); TLBIALL();
  expect_fix(FIX_PTE, 12, small(PG(5), 3, 0));
  CHECK(ld(WIN + 0xc000), 0x05000000);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0x6, 1));
  SCTLR_W(SCTLR_R() & ~(1u << 29));
  /* external abort on the walk: L2 table beyond RAM (0xa0000000 with -m 1024): skipped */
  l1[0xb03] = 0xa0000000u | (1 << 5) | 1; TLBIALL();
  expect_fix(FIX_SKIP, 0, 0);
  (void)ld(0xb0300000u);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0xe, 1));
  l1[0xb00 + 0x3] = 0;
  group_end();
}

static void prefetch(void) {
  group_begin("prefetch aborts");
  /* code page: `mov r0, #42; bx lr` (ARM) at VA WIN+0xd000, first XN, then unmapped */
  u32 *code = (u32 *)pages[7];
  code[0] = 0xe3a0002a; code[1] = 0xe12fff1e;
  u32 (*fn)(void) = (u32 (*)(void))(WIN + 0xd000);
  l2[13] = small(PG(7), 3, 1); TLBIALL();
  expect_fix(FIX_PTE, 13, small(PG(7), 3, 0));
  CHECK(fn(), 42);
  CHECK(nfaults, 1); CHECK(last_kind, 1); CHECK(last_fsr, dom_fsr(0xf, 1)); CHECK(last_far, WIN + 0xd000);
  l2[14] = 0; TLBIALL();
  fn = (u32 (*)(void))(WIN + 0xe000);
  expect_fix(FIX_PTE, 14, small(PG(7), 3, 0));
  CHECK(fn(), 42);
  CHECK(nfaults, 1); CHECK(last_kind, 1); CHECK(last_fsr, dom_fsr(0x7, 1)); CHECK(last_far, WIN + 0xe000);
  /* the code changes (new value) and runs again through the same mapping */
  code[0] = 0xe3a00007;
  CHECK(fn(), 7);
  /* Thumb code in an XN page */
  uint16_t *tcode = (uint16_t *)(pages[7] + 0x100);
  tcode[0] = 0x202a; tcode[1] = 0x4770;            /* movs r0, #42; bx lr */
  l2[15] = small(PG(7), 3, 1); TLBIALL();
  fn = (u32 (*)(void))(WIN + 0xf100 + 1);
  expect_fix(FIX_PTE, 15, small(PG(7), 3, 0));
  CHECK(fn(), 42);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0xf, 1)); CHECK(last_far, WIN + 0xf100); CHECK(last_spsr & 0x20, 0x20);
  /* a 32-bit Thumb instruction whose second halfword is on an unmapped page */
  uint16_t *end = (uint16_t *)(pages[5] + 0xffc), *next = (uint16_t *)pages[4];
  end[0] = 0x2001; end[1] = 0xf04f;                /* movs r0, #1; mov.w r0, #42 (first half) */
  next[0] = 0x002a; next[1] = 0x4770;              /* (second half); bx lr */
  l2[22] = small(PG(5), 3, 0); l2[23] = 0; TLBIALL();
  fn = (u32 (*)(void))(WIN + 0x16ffc + 1);
  expect_fix(FIX_PTE, 23, small(PG(4), 3, 0));
  CHECK(fn(), 42);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0x7, 1)); CHECK(last_far, WIN + 0x17000);
  group_end();
}

static void tlb(void) {
  group_begin("TLB maintenance, ASID, TTBR");
  l2[16] = small(PG(0), 3, 0); TLBIALL();
  CHECK(ld(WIN + 0x10000), 0x00000000);
  l2[16] = small(PG(1), 3, 0);            /* no maintenance: the old translation stays */
  CHECK(ld(WIN + 0x10000), 0x00000000);
  TLBIMVA(WIN + 0x10000);
  CHECK(ld(WIN + 0x10000), 0x01000000);
  l2[16] = small(PG(2), 3, 0);
  CHECK(ld(WIN + 0x10004), 0x01000001);
  CONTEXTIDR_W(5);                        /* ASID change: QEMU flushes everything */
  CHECK(ld(WIN + 0x10004), 0x02000001);
  l2[16] = small(PG(3), 3, 0);
  CONTEXTIDR_W(5);                        /* same value: no flush */
  CHECK(ld(WIN + 0x10004), 0x02000001);
  TLBIALL();
  CHECK(ld(WIN + 0x10004), 0x03000001);
  /* a second table: TTBR0 write without maintenance keeps old translations (QEMU) */
  memcpy(l1b, l1, sizeof l1);
  l1b[0xb04] = l1_section(PG(0) & 0xfff00000u, 3, 0);
  l1[0xb04] = 0;
  CHECK(ld(WIN + 0x10008), 0x03000002);
  TTBR0_W((u32)(uintptr_t)l1b);
  CHECK(ld(WIN + 0x10008), 0x03000002);
  CHECK(ld(0xb0400000u + (PG(6) & 0xfffff)), 0x06000000); /* new walk uses the new table */
  TTBR0_W((u32)(uintptr_t)l1);
  TLBIALL();
  /* write after a PTE made read-only without maintenance (QEMU keeps write permission) */
  l2[17] = small(PG(4), 1, 0); TLBIALL(); nfaults = 0;
  st(WIN + 0x11010, 0x4444);
  l2[17] = small(PG(4), 5, 0);
  st(WIN + 0x11010, 0x5555);
  CHECK(nfaults, 0); CHECK(((u32 *)pages[4])[4], 0x5555);
  TLBIMVA(WIN + 0x11000);
  expect_fix(FIX_PTE, 17, small(PG(4), 1, 0));
  st(WIN + 0x11010, 0x6666);
  CHECK(nfaults, 1); CHECK(((u32 *)pages[4])[4], 0x6666);
  /* DACR write flushes */
  l2[18] = small(PG(0), 3, 0); TLBIALL();
  CHECK(ld(WIN + 0x12000), 0x00000000);
  l2[18] = small(PG(1), 3, 0);
  DACR_W(DACR_R());
  CHECK(ld(WIN + 0x12000), 0x01000000);
  group_end();
}

static void vectors(void) {
  group_begin("high vectors and VBAR with the MMU on");
  memcpy(vecpage, vec_table, (size_t)((uintptr_t)vec_table_end - (uintptr_t)vec_table));
  for (u32 i = 0; i < 256; i++) l2hi[i] = 0;
  l2hi[0xf0] = small((u32)(uintptr_t)vecpage, 1, 0);
  l1[0xfff] = l1_table(l2hi, 0); TLBIALL();
  SCTLR_W(SCTLR_R() | (1 << 13));
  nfaults = 0;
  __asm__ volatile("udf #1" ::: "memory");
  CHECK(nfaults, 1); CHECK(last_kind, 2);
  SCTLR_W(SCTLR_R() & ~(1u << 13));
  /* VBAR at a virtual alias of the copy */
  l2[20] = small((u32)(uintptr_t)vecpage, 1, 0); TLBIALL();
  VBAR_W(WIN + 0x14000);
  nfaults = 0;
  __asm__ volatile("udf #2" ::: "memory");
  CHECK(nfaults, 1); CHECK(last_kind, 2);
  install_vectors();
  group_end();
}

static u32 user_read(u32 va) { return ld(va); }
static u32 user_write(u32 va) { st(va, 0xabcd); return 1; }

static void unpriv(void) {
  group_begin("unprivileged accesses");
  l2[24] = small(PG(1), 1, 0); /* privileged only */
  l2[25] = small(PG(2), 2, 0); /* user read-only */
  l2[26] = small(PG(3), 3, 0); /* full */
  TLBIALL();
  nfaults = 0;
  CHECK(ldrt(WIN + 0x1a004), 0x03000001);
  CHECK(ldrt(WIN + 0x19004), 0x02000001);  /* user may read (AP=2) */
  CHECK(ld(WIN + 0x18004), 0x01000001);
  CHECK(nfaults, 0);
  expect_fix(FIX_SKIP, 0, 0);
  CHECK(ldrt(WIN + 0x18004), 0xdead);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0xf, 1)); CHECK(last_far, WIN + 0x18004);
  expect_fix(FIX_SKIP, 0, 0);
  strt(WIN + 0x19008, 0x99);
  CHECK(nfaults, 1); CHECK(last_fsr, 0x800 | dom_fsr(0xf, 1));
  st(WIN + 0x19008, 0x98);                 /* privileged write allowed */
  CHECK(((u32 *)pages[2])[2], 0x98);
  strt(WIN + 0x1a008, 0x97);
  CHECK(((u32 *)pages[3])[2], 0x97);
  /* User mode: the handler opens the page */
  CHECK(run_user(user_read, WIN + 0x1a00c), 0x03000003);
  expect_fix(FIX_PTE, 24, small(PG(1), 2, 0));
  CHECK(run_user(user_read, WIN + 0x18010), 0x01000004);
  CHECK(nfaults, 1); CHECK(last_fsr, dom_fsr(0xf, 1)); CHECK(last_spsr & 0x1f, 0x10);
  expect_fix(FIX_PTE, 25, small(PG(2), 3, 0));
  CHECK(run_user(user_write, WIN + 0x19014), 1);
  CHECK(nfaults, 1); CHECK(last_fsr, 0x800 | dom_fsr(0xf, 1));
  CHECK(((u32 *)pages[2])[5], 0xabcd);
  /* privileged-only page used from SVC after User mode cached the user view */
  l2[24] = small(PG(1), 1, 0); TLBIALL();
  CHECK(ld(WIN + 0x18010), 0x01000004);
  expect_fix(FIX_PTE, 24, small(PG(1), 3, 0));
  CHECK(run_user(user_read, WIN + 0x18014), 0x01000005);
  CHECK(nfaults, 1);
  CHECK(ld(WIN + 0x18014), 0x01000005);
  group_end();
}

static void align(void) {
  group_begin("alignment checking");
  CHECK(ld(WIN + 0x1a001), 0x01030000);  /* A=0: unaligned word, bytes 00 00 03 | 01 */
  SCTLR_W(SCTLR_R() | 2);
  expect_fix(FIX_SKIP, 0, 0);
  (void)ld(WIN + 0x1a001);
  CHECK(nfaults, 1); CHECK(last_fsr, 0x1); CHECK(last_far, WIN + 0x1a001);
  CHECK(ld(WIN + 0x1a004), 0x03000001);
  SCTLR_W(SCTLR_R() & ~2u);
  group_end();
}

int main(void) {
  install_vectors();
  mmu_on();
  faults();
  prefetch();
  tlb();
  vectors();
  unpriv();
  align();
  SCTLR_W(SCTLR_R() & ~1u);
  printf("mmu checks done: %d\n", checks_done());
  return 0;
}
