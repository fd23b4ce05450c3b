// The few OpenBLAS entry points Episcope uses, declared here so the build does not depend on
// where a distribution puts cblas.h (Debian keeps several behind update-alternatives).
#ifndef EPISCOPE_CBLAS_SHIM_H
#define EPISCOPE_CBLAS_SHIM_H

enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112 };

void cblas_sgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transA, enum CBLAS_TRANSPOSE transB,
                 int m, int n, int k, float alpha, const float *a, int lda,
                 const float *b, int ldb, float beta, float *c, int ldc);
char *openblas_get_corename(void);
char *openblas_get_config(void);
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

#include <malloc.h>

// glibc's tuning knobs are macros, which Swift cannot call: see TensorAllocator.
static inline void episcope_keep_large_blocks(void) {
    mallopt(M_MMAP_MAX, 0);              /* serve even huge blocks from the heap ... */
    mallopt(M_TRIM_THRESHOLD, 0x7fffffff); /* ... and never hand freed memory back */
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_ARENA_MAX, 1);             /* worker threads share that heap instead of mmap'd arenas */
}

#endif
