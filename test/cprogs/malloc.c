/* armada test/cprogs: malloc/realloc/free churn with content checks, calloc, an 8 MiB block. Expected: exit 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned seed=777; static unsigned rnd(void){ seed ^= seed<<13; seed ^= seed>>17; seed ^= seed<<5; return seed; }
int main(void){
  enum {N=512}; static char *p[N]; static size_t sz[N];
  unsigned long sum=0;
  for (int round=0; round<5000; round++){
    int i = rnd()%N;
    if (p[i]) {
      for (size_t k=0;k<sz[i];k++) if ((unsigned char)p[i][k] != (unsigned char)(i+k)) { printf("corrupt %d %u\n", i, (unsigned)k); return 1; }
      if (rnd()&1) { free(p[i]); p[i]=0; }
      else { size_t ns = rnd()%3000+1; char *q=realloc(p[i], ns); if(!q) return 2; for (size_t k=sz[i];k<ns;k++) q[k]=(char)(i+k); p[i]=q; sz[i]=ns; }
    } else {
      sz[i] = rnd()%(round%7==0? 20000 : 200)+1; p[i]=malloc(sz[i]); if(!p[i]) { printf("oom\n"); return 3; }
      for (size_t k=0;k<sz[i];k++) p[i][k]=(char)(i+k);
    }
    sum += sz[i];
  }
  int live=0; for (int i=0;i<N;i++) if (p[i]) { live++; free(p[i]); }
  printf("live=%d sum=%lu\n", live, sum);
  int *c = calloc(1000, sizeof(int)); int z=0; for (int i=0;i<1000;i++) z|=c[i]; printf("calloc zero=%d\n", z==0); free(c);
  char *big = malloc(8<<20); printf("big %s\n", big? "ok":"null"); if (big){ memset(big, 0x5a, 8<<20); printf("%d\n", big[(8<<20)-1]); free(big);} 
  return 0;
}
