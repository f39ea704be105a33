/* Self-check helpers: one output line per check group; the first failing check prints its
 * group, source line and values and exits with status 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static const char *cur_group = "?";
static int group_checks;
static int total_checks;

void group_begin(const char *name) { cur_group = name; group_checks = 0; }

void group_end(void) { printf("%s: ok (%d checks)\n", cur_group, group_checks); }

int checks_done(void) { return total_checks; }

static void fail(uint32_t line) {
  printf("FAIL %s: check at %s line %lu\n", cur_group, CHECK_FILE, (unsigned long)line);
}

void chk(uint32_t got, uint32_t want, uint32_t line) {
  group_checks++; total_checks++;
  if (got != want) {
    fail(line);
    printf("  got 0x%08lx want 0x%08lx\n", (unsigned long)got, (unsigned long)want);
    fflush(stdout);
#ifndef CHECK_CONTINUE
    exit(1);
#endif
  }
}

void chk64(uint64_t got, uint64_t want, uint32_t line) {
  group_checks++; total_checks++;
  if (got != want) {
    fail(line);
    printf("  got 0x%08lx%08lx want 0x%08lx%08lx\n", (unsigned long)(got >> 32), (unsigned long)got,
           (unsigned long)(want >> 32), (unsigned long)want);
    fflush(stdout);
#ifndef CHECK_CONTINUE
    exit(1);
#endif
  }
}

void chk_str(const char *got, const char *want, uint32_t line) {
  group_checks++; total_checks++;
  if (strcmp(got, want) != 0) {
    fail(line);
    printf("  got \"%s\" want \"%s\"\n", got, want);
    fflush(stdout);
#ifndef CHECK_CONTINUE
    exit(1);
#endif
  }
}
