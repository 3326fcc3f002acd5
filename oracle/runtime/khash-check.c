/*
 * An independent C transcription of Codon's khash table (exaloop/codon v0.19.6:
 * stdlib/internal/khash.codon, stdlib/internal/types/collections/dict.codon `_kh_get`,
 * `_kh_resize`, `_kh_put`, `_dict_hash`; str.codon `__hash__`, int.codon `__hash__`), written to
 * cross-check the iteration order of the simulator's model (src/sim/run/codon-interp/dicts.ts)
 * for the fixtures in src/sim/refusals/codon-now-runs.ts (CODON_COLLECTIONS_RUN), written apart
 * from both the simulator's model and the oracle's table (codonrt.c `codon_tab_*`).
 * Run: gcc -O0 -o /tmp/kh oracle/runtime/khash-check.c && /tmp/kh
 * (the values printed for the set cases are not initialised: only the key order matters there).
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
typedef struct { int64_t nb, size, nocc, ub; uint32_t *flags; int64_t *ik; const char **sk; int64_t *vals; int str; } D;
#define isempty(f,i) ((f[(i)>>4]>>(((i)&0xF)<<1))&2)
#define isdel(f,i) ((f[(i)>>4]>>(((i)&0xF)<<1))&1)
#define iseither(f,i) ((f[(i)>>4]>>(((i)&0xF)<<1))&3)
#define set_isdel_false(f,i) (f[(i)>>4]&=~(1ul<<(((i)&0xF)<<1)))
#define set_isempty_false(f,i) (f[(i)>>4]&=~(2ul<<(((i)&0xF)<<1)))
#define set_isboth_false(f,i) (f[(i)>>4]&=~(3ul<<(((i)&0xF)<<1)))
#define set_isdel_true(f,i) (f[(i)>>4]|=1ul<<(((i)&0xF)<<1))
static int64_t fsz(int64_t m){return m<16?1:m>>4;}
static int64_t hsh(D*d,int64_t ik,const char*sk){int64_t k=0; if(d->str){for(const char*p=sk;*p;p++)k=(int64_t)((uint64_t)k*31u+(unsigned char)*p);}else k=ik; return (k>>33)^k^(int64_t)((uint64_t)k<<11);}
static int eq(D*d,int64_t i,int64_t ik,const char*sk){return d->str?strcmp(d->sk[i],sk)==0:d->ik[i]==ik;}
static void resize(D*d,int64_t nnb){uint32_t*nf=0;int64_t j=1;nnb--;nnb|=nnb>>1;nnb|=nnb>>2;nnb|=nnb>>4;nnb|=nnb>>8;nnb|=nnb>>16;nnb|=nnb>>32;nnb++;if(nnb<4)nnb=4;
 if(d->size>=(int64_t)(nnb*0.77+0.5))j=0;else{int64_t fs=fsz(nnb);nf=malloc(fs*4);for(int64_t i=0;i<fs;i++)nf[i]=0xAAAAAAAAu;
  if(d->nb<nnb){d->ik=realloc(d->ik,nnb*8);d->sk=realloc(d->sk,nnb*8);d->vals=realloc(d->vals,nnb*8);}}
 if(j){for(j=0;j!=d->nb;j++){if(iseither(d->flags,j)==0){int64_t ik=d->ik[j];const char*sk=d->sk[j];int64_t v=d->vals[j];int64_t m=nnb-1;set_isdel_true(d->flags,j);
   for(;;){int64_t step=0;int64_t i=hsh(d,ik,sk)&m;while(!isempty(nf,i)){step++;i=(i+step)&m;}set_isempty_false(nf,i);
    if(i<d->nb&&iseither(d->flags,i)==0){int64_t t=d->ik[i];d->ik[i]=ik;ik=t;const char*ts=d->sk[i];d->sk[i]=sk;sk=ts;t=d->vals[i];d->vals[i]=v;v=t;set_isdel_true(d->flags,i);}
    else{d->ik[i]=ik;d->sk[i]=sk;d->vals[i]=v;break;}}}}
  d->flags=nf;d->nb=nnb;d->nocc=d->size;d->ub=(int64_t)(d->nb*0.77+0.5);}}
static int64_t put(D*d,int64_t ik,const char*sk){if(d->nocc>=d->ub){if(d->nb>(d->size<<1))resize(d,d->nb-1);else resize(d,d->nb+1);}
 int64_t m=d->nb-1,step=0,site=d->nb,x=site,i=hsh(d,ik,sk)&m;
 if(isempty(d->flags,i))x=i;else{int64_t last=i;while(!isempty(d->flags,i)&&(isdel(d->flags,i)||!eq(d,i,ik,sk))){if(isdel(d->flags,i))site=i;step++;i=(i+step)&m;if(i==last){x=site;break;}}
  if(x==d->nb){if(isempty(d->flags,i)&&site!=d->nb)x=site;else x=i;}}
 if(isempty(d->flags,x)){d->ik[x]=ik;d->sk[x]=sk;set_isboth_false(d->flags,x);d->size++;d->nocc++;}else if(isdel(d->flags,x)){d->ik[x]=ik;d->sk[x]=sk;set_isboth_false(d->flags,x);d->size++;}
 return x;}
static int64_t get(D*d,int64_t ik,const char*sk){if(!d->nb)return 0;int64_t step=0,m=d->nb-1,i=hsh(d,ik,sk)&m,last=i;while(!isempty(d->flags,i)&&(isdel(d->flags,i)||!eq(d,i,ik,sk))){step++;i=(i+step)&m;if(i==last)return d->nb;}return iseither(d->flags,i)?d->nb:i;}
static void show(D*d){printf("{");int f=1;for(int64_t i=0;i<d->nb;i++)if(!iseither(d->flags,i)){if(!f)printf(", ");f=0;if(d->str)printf("'%s': %ld",d->sk[i],d->vals[i]);else printf("%ld: %ld",d->ik[i],d->vals[i]);}printf("}\n");}
int main(){
 D a={0};a.str=1;const char*w[]={"apple","pear","fig","apple","kiwi","fig","apple"};
 for(int i=0;i<7;i++){int64_t g=get(&a,0,w[i]);int64_t c=(g!=a.nb)?a.vals[g]:0;int64_t x=put(&a,0,w[i]);a.vals[x]=c+1;} show(&a);
 D b={0};for(int64_t i=0;i<20;i++){int64_t x=put(&b,i*7,0);b.vals[x]=i;} show(&b);
 D c={0};c.str=1;const char*o[]={"one","two","three"};for(int i=0;i<3;i++){int64_t x=put(&c,0,o[i]);c.vals[x]=i+1;}{int64_t x=put(&c,0,"four");c.vals[x]=4;} show(&c);
 D e={0};int64_t ns[]={3,1,4,1,5,9,2,6,5,3,5};for(int i=0;i<11;i++)put(&e,ns[i],0);show(&e);
 D f={0};int64_t q[]={5,1,17,33,2};for(int i=0;i<5;i++)put(&f,q[i],0);show(&f);
 D g={0};g.str=1;put(&g,0,"b");put(&g,0,"a");show(&g);
 D h={0};put(&h,1,0);put(&h,-1,0);show(&h);
 /* src/sim/run/codon-collections.test.ts */
 D k={0};int64_t ks[]={12,4,8,1};for(int i=0;i<4;i++){int64_t x=put(&k,ks[i],0);k.vals[x]=ks[i];}show(&k);
 D l={0};{int64_t x=put(&l,3,0);l.vals[x]=3;x=put(&l,4,0);l.vals[x]=1;}show(&l);
}
