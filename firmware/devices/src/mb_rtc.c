/* PL031 RTC at 0x10017000: IDs, control, load/data, match interrupt status and masking. The
 * seconds count itself depends on the clock, so only relations are printed. */
#include "mmio.h"

#define RTC 0x10017000u
#define DR (RTC + 0x00)
#define MR (RTC + 0x04)
#define LR (RTC + 0x08)
#define CR (RTC + 0x0c)
#define IMSC (RTC + 0x10)
#define RIS (RTC + 0x14)
#define MIS (RTC + 0x18)
#define ICR (RTC + 0x1c)

int main(void) {
  for (uint32_t o = 0xfe0; o < 0x1000; o += 4) {
    char n[32];
    snprintf(n, sizeof n, "ID 0x%03lx", (unsigned long)o);
    SHOW(n, rd(RTC + o));
  }
  SHOW("CR", rd(CR));
  wr(CR, 0);
  SHOW("CR after writing 0", rd(CR));
  SHOW("MR reset", rd(MR));
  SHOW("LR reset", rd(LR));
  SHOW("IMSC reset", rd(IMSC));
  SHOW("RIS reset", rd(RIS));
  SHOW("MIS reset", rd(MIS));
  YESNO("DR is after 2000-01-01", rd(DR) >= 946684800u);

  wr(LR, 0x12345678);
  uint32_t d = rd(DR);
  SHOW("LR after load", rd(LR));
  YESNO("DR follows LR", d - 0x12345678u <= 1);

  /* a match in the future: nothing yet */
  wr(MR, rd(DR) + 1000);
  SHOW("RIS with match ahead", rd(RIS));
  SHOW("MR read back", rd(MR) - rd(DR) >= 999 ? 1 : 0);

  /* a match equal to the count: at once */
  wr(MR, rd(DR));
  SHOW("RIS with match now", rd(RIS));
  SHOW("MIS masked", rd(MIS));
  wr(IMSC, 0xffffffff);
  SHOW("IMSC", rd(IMSC));
  SHOW("MIS unmasked", rd(MIS));
  wr(ICR, 1);
  SHOW("RIS after ICR", rd(RIS));
  SHOW("MIS after ICR", rd(MIS));

  /* loading the count onto the match value raises it too */
  wr(MR, 0x00abcdef);
  SHOW("RIS before load onto match", rd(RIS));
  wr(LR, 0x00abcdef);
  SHOW("RIS after load onto match", rd(RIS));
  wr(ICR, 1);
  wr(IMSC, 0);
  SHOW("ICR read", rd(ICR));
  SHOW("bad 0x20", rd(RTC + 0x20));
  return 0;
}
