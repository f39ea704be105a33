/* Self-check helpers shared by the armada test firmware. */
#ifndef ARMADA_CHECK_H
#define ARMADA_CHECK_H
#include <stdint.h>
void group_begin(const char *name);
void group_end(void);
void chk(uint32_t got, uint32_t want, uint32_t line);
void chk64(uint64_t got, uint64_t want, uint32_t line);
void chk_str(const char *got, const char *want, uint32_t line);
int checks_done(void);
#define CHECK(got, want) chk((uint32_t)(got), (uint32_t)(want), __LINE__)
#define CHECK64(got, want) chk64((uint64_t)(got), (uint64_t)(want), __LINE__)
#define CHECKS(got, want) chk_str((got), (want), __LINE__)
#endif
