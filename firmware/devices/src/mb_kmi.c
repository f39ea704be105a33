/* PL050 KMI0 (keyboard, 0x10006000) and KMI1 (mouse, 0x10007000): registers, and the PS/2
 * devices' replies to the commands Linux's atkbd and psmouse drivers send. */
#include "mmio.h"

#define KMI0 0x10006000u
#define KMI1 0x10007000u
#define CR 0x00
#define STAT 0x04
#define DATA 0x08
#define CLKDIV 0x0c
#define IR 0x10
#define RXFULL 0x10u

/* Send one byte, then print every byte the device answers (up to 8) and the status after. */
static void cmd(uint32_t kmi, const char *what, uint32_t byte) {
  char line[160];
  int n = snprintf(line, sizeof line, "%s %02lx ->", what, (unsigned long)byte);
  wr(kmi + DATA, byte);
  for (int i = 0; i < 8 && (rd(kmi + STAT) & RXFULL); i++) {
    n += snprintf(line + n, sizeof line - n, " %02lx", (unsigned long)(rd(kmi + DATA) & 0xff));
  }
  snprintf(line + n, sizeof line - n, " (stat %02lx ir %02lx)", (unsigned long)rd(kmi + STAT), (unsigned long)rd(kmi + IR));
  puts(line);
}

static void regs(const char *name, uint32_t kmi) {
  char n[48];
  for (int i = 0; i < 5; i++) {
    snprintf(n, sizeof n, "%s reg 0x%02x", name, i * 4);
    SHOW(n, rd(kmi + 4 * i));
  }
  for (uint32_t o = 0xfe0; o < 0x1000; o += 4) {
    snprintf(n, sizeof n, "%s ID 0x%03lx", name, (unsigned long)o);
    SHOW(n, rd(kmi + o));
  }
}

int main(void) {
  regs("kmi0", KMI0);
  regs("kmi1", KMI1);
  wr(KMI0 + CR, 0xff);
  SHOW("kmi0 CR all", rd(KMI0 + CR));
  SHOW("kmi0 IR with TXINTREN", rd(KMI0 + IR));
  wr(KMI0 + CLKDIV, 0x12345678);
  SHOW("kmi0 CLKDIV", rd(KMI0 + CLKDIV));
  wr(KMI0 + CR, 0x04); /* KMIEN, as Linux's ambakmi */
  wr(KMI0 + CLKDIV, 2);

  /* keyboard, as atkbd probes and sets it up */
  cmd(KMI0, "kbd reset", 0xff);
  cmd(KMI0, "kbd get id", 0xf2);
  cmd(KMI0, "kbd set leds", 0xed);
  cmd(KMI0, "kbd leds value", 0x07);
  cmd(KMI0, "kbd get set", 0xf0);
  cmd(KMI0, "kbd set query", 0x00);
  cmd(KMI0, "kbd get set", 0xf0);
  cmd(KMI0, "kbd set 1", 0x01);
  cmd(KMI0, "kbd get set", 0xf0);
  cmd(KMI0, "kbd set query", 0x00);
  cmd(KMI0, "kbd get set", 0xf0);
  cmd(KMI0, "kbd set 9", 0x09);
  cmd(KMI0, "kbd get set", 0xf0);
  cmd(KMI0, "kbd set 2", 0x02);
  cmd(KMI0, "kbd set rate", 0xf3);
  cmd(KMI0, "kbd rate value", 0x20);
  cmd(KMI0, "kbd echo", 0xee);
  cmd(KMI0, "kbd enable", 0xf4);
  cmd(KMI0, "kbd disable", 0xf5);
  cmd(KMI0, "kbd reset enable", 0xf6);
  cmd(KMI0, "kbd zero", 0x00);
  cmd(KMI0, "kbd resend", 0x05);
  cmd(KMI0, "kbd unknown", 0x77);
  cmd(KMI0, "kbd typematic", 0xfa);
  cmd(KMI0, "kbd make break", 0xfc);
  cmd(KMI0, "kbd make break arg", 0x11);

  /* a reply not read is dropped by the next command */
  wr(KMI0 + DATA, 0xf2);
  SHOW("kbd first id byte", rd(KMI0 + DATA) & 0xff);
  cmd(KMI0, "kbd echo after partial read", 0xee);
  /* reading with nothing queued gives the last byte again */
  SHOW("kbd empty read", rd(KMI0 + DATA));
  SHOW("kbd empty stat", rd(KMI0 + STAT));
  /* parity of the last byte read */
  cmd(KMI0, "kbd get id for parity", 0xf2);
  SHOW("kbd stat after 0x83", rd(KMI0 + STAT));
  cmd(KMI0, "kbd echo for parity", 0xee);
  SHOW("kbd stat after 0xee", rd(KMI0 + STAT));

  /* mouse, as psmouse probes it */
  wr(KMI1 + CR, 0x04);
  cmd(KMI1, "mouse reset", 0xff);
  cmd(KMI1, "mouse get id", 0xf2);
  cmd(KMI1, "mouse status", 0xe9);
  cmd(KMI1, "mouse set sample", 0xf3);
  cmd(KMI1, "mouse sample 200", 200);
  cmd(KMI1, "mouse set sample", 0xf3);
  cmd(KMI1, "mouse sample 100", 100);
  cmd(KMI1, "mouse set sample", 0xf3);
  cmd(KMI1, "mouse sample 80", 80);
  cmd(KMI1, "mouse get id", 0xf2);
  cmd(KMI1, "mouse set sample", 0xf3);
  cmd(KMI1, "mouse sample 200", 200);
  cmd(KMI1, "mouse set sample", 0xf3);
  cmd(KMI1, "mouse sample 200", 200);
  cmd(KMI1, "mouse set sample", 0xf3);
  cmd(KMI1, "mouse sample 80", 80);
  cmd(KMI1, "mouse get id", 0xf2);
  cmd(KMI1, "mouse set res", 0xe8);
  cmd(KMI1, "mouse res 3", 3);
  cmd(KMI1, "mouse scale 2:1", 0xe7);
  cmd(KMI1, "mouse remote", 0xf0);
  cmd(KMI1, "mouse enable", 0xf4);
  cmd(KMI1, "mouse status", 0xe9);
  cmd(KMI1, "mouse poll", 0xeb);
  cmd(KMI1, "mouse stream", 0xea);
  cmd(KMI1, "mouse scale 1:1", 0xe6);
  cmd(KMI1, "mouse disable", 0xf5);
  cmd(KMI1, "mouse defaults", 0xf6);
  cmd(KMI1, "mouse status", 0xe9);
  cmd(KMI1, "mouse wrap", 0xee);
  cmd(KMI1, "mouse wrapped byte", 0x55);
  cmd(KMI1, "mouse wrapped get id", 0xf2);
  cmd(KMI1, "mouse reset wrap", 0xec);
  cmd(KMI1, "mouse unknown", 0x77);
  cmd(KMI1, "mouse reset", 0xff);
  cmd(KMI1, "mouse get id", 0xf2);
  return 0;
}
