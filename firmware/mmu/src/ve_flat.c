/* Built with newlib's --specs=aprofile-ve.specs: its start-up code (cpu-init/rdimon-aem) builds a
 * flat section map, turns the MMU and caches on and links the program at 0x80010000. On QEMU its
 * malloc gets no heap, so nothing here allocates: output goes through write() directly. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

typedef uint32_t u32;
static int fails;

static void out(const char *s) { write(1, s, strlen(s)); }
static void hex(u32 v) {
  char b[9];
  for (int i = 0; i < 8; i++) b[i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
  b[8] = 0;
  out(b);
}
static void check(const char *what, u32 got, u32 want) {
  out(what); out(": "); hex(got);
  if (got != want) { out(" FAIL want "); hex(want); fails++; }
  out("\n");
}

#define MRC(crn, op1, crm, op2) ({ u32 v_; __asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(v_)); v_; })

static volatile u32 data[1024];

int main(void) {
  u32 sctlr = MRC(c1, 0, c0, 0);
  check("SCTLR.M", sctlr & 1, 1);
  u32 ttbr0 = MRC(c2, 0, c0, 0);
  /* the table's entry for our own code is an identity section */
  const u32 *tt = (const u32 *)(ttbr0 & ~0x3fffu);
  u32 me = (u32)(uintptr_t)&main;
  check("own section maps identity", tt[me >> 20] & 0xfff00000u, me & 0xfff00000u);
  __asm__ volatile("mcr p15, 0, %0, c7, c8, 0\n isb" :: "r"(me));
  check("ATS1CPR own code", MRC(c7, 0, c4, 0) & 0xfffff000u, me & 0xfffff000u);
  /* a CPU-bound loop with the MMU on */
  u32 h = 2166136261u;
  for (u32 i = 0; i < 1024; i++) data[i] = i * 2654435761u;
  for (u32 r = 0; r < 200; r++)
    for (u32 i = 0; i < 1024; i++) { h ^= data[i] + r; h *= 16777619u; }
  check("hash", h, 0x97830dc5);
  out(fails ? "ve_flat: FAIL\n" : "ve_flat: ok\n");
  return fails ? 1 : 0;
}
