/* armada test/cprogs: setjmp/longjmp out of deep recursion and back into a loop, volatile locals. Expected: exit 5 (return from main). */
#include <stdio.h>
#include <setjmp.h>
#include <stdlib.h>
static jmp_buf env, env2;
static int depth;
static void deep(int n){ volatile char pad[64]; pad[0]=(char)n; if (n==0) longjmp(env, 17+pad[0]); deep(n-1); depth++; }
static int tryit(int v){ if (setjmp(env2)) return -1; if (v<0) longjmp(env2, 1); return v*2; }
int main(void){
  volatile int count = 0;
  int r = setjmp(env);
  count++;
  printf("setjmp returned %d count=%d\n", r, count);
  if (count < 5) deep(count*10);
  printf("tryit %d %d %d\n", tryit(5), tryit(-3), tryit(100));
  jmp_buf e3; volatile long long x = 0x1122334455667788LL;
  if (!setjmp(e3)) { x += 1; longjmp(e3, 0); }
  printf("x=%llx depth=%d\n", x, depth);
  return count;
}
