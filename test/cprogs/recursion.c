/* armada test/cprogs: deep recursion (hanoi, ackermann, fib, n-queens with bit masks). Expected: exit 0. */
#include <stdio.h>
static unsigned long moves;
static void hanoi(int n, int a, int b, int c){ if(!n) return; hanoi(n-1,a,c,b); moves++; if (n>=12) printf("move %d %d->%d\n", n, a, c); hanoi(n-1,c,b,a); }
static int ack(int m, int n){ if(m==0) return n+1; if(n==0) return ack(m-1,1); return ack(m-1, ack(m,n-1)); }
static long long fib(int n){ return n<2?n:fib(n-1)+fib(n-2); }
static int queens(int n, int row, unsigned cols, unsigned d1, unsigned d2){ if(row==n) return 1; int c=0; for(int i=0;i<n;i++){ if((cols>>i)&1 || (d1>>(row+i))&1 || (d2>>(row-i+n))&1) continue; c+=queens(n,row+1,cols|1u<<i,d1|1u<<(row+i),d2|1u<<(row-i+n)); } return c; }
int main(void){
  hanoi(14,1,2,3); printf("moves=%lu\n", moves);
  for (int m=0;m<3;m++) for (int n=0;n<5;n++) printf("ack(%d,%d)=%d\n", m, n, ack(m,n));
  printf("ack(2,200)=%d ack(3,5)=%d\n", ack(2,200), ack(3,5));
  printf("fib(27)=%lld\n", fib(27));
  for (int n=4;n<=9;n++) printf("queens(%d)=%d\n", n, queens(n,0,0,0,0));
  return 0;
}
