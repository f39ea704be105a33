/* armada test/cprogs: qsort of structs by three keys, qsort/bsearch of ints, snprintf. Expected: exit 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct rec { int key; char name[12]; short pri; unsigned long long big; };
static int cmp_key(const void *a, const void *b){ const struct rec *x=a,*y=b; return (x->key>y->key)-(x->key<y->key); }
static int cmp_name(const void *a, const void *b){ const struct rec *x=a,*y=b; int c=strcmp(x->name,y->name); return c?c:cmp_key(a,b); }
static int cmp_big(const void *a, const void *b){ const struct rec *x=a,*y=b; return x->big<y->big?-1:x->big>y->big; }
static int cmp_int(const void *a, const void *b){ return *(const int*)a - *(const int*)b; }
static unsigned seed=12345; static unsigned rnd(void){ seed = seed*1103515245u+12345u; return seed>>8; }
int main(void){
  enum {N=200}; static struct rec r[N];
  for (int i=0;i<N;i++){ r[i].key = (int)(rnd()%1000)-500; snprintf(r[i].name, sizeof r[i].name, "n%05u", rnd()%50000); r[i].pri=i; r[i].big=((unsigned long long)rnd()<<32)|rnd(); }
  qsort(r, N, sizeof r[0], cmp_key);
  for (int i=0;i<N;i+=17) printf("%d %s %d\n", r[i].key, r[i].name, r[i].pri);
  qsort(r, N, sizeof r[0], cmp_name);
  for (int i=0;i<N;i+=23) printf("%s %d\n", r[i].name, r[i].key);
  qsort(r, N, sizeof r[0], cmp_big);
  for (int i=0;i<N;i+=29) printf("%016llx\n", r[i].big);
  static int a[1000]; for (int i=0;i<1000;i++) a[i]=(int)(rnd()%100000);
  qsort(a, 1000, sizeof(int), cmp_int);
  int ok=1; for (int i=1;i<1000;i++) if (a[i-1]>a[i]) ok=0;
  printf("sorted=%d min=%d max=%d\n", ok, a[0], a[999]);
  int found=0; for (int k=0;k<100000;k+=997){ int *p=bsearch(&k,a,1000,sizeof(int),cmp_int); if(p) found++, printf("found %d at %d\n", k, (int)(p-a)); }
  for (int i=0;i<1000;i+=50){ int *p=bsearch(&a[i],a,1000,sizeof(int),cmp_int); found += p && *p==a[i]; }
  printf("found %d\n", found);
  return 0;
}
