// KernelNames.SGEMM and BATCHED_GEMV, in a CPU variant and a GPU variant; the backend picks by device type.

// CPU variant (PoCL): each work-item computes a 6 x 32 tile of C in twelve float16 registers (AVX-512 on
// these machines; 12 accumulators + 2 of B + 1 broadcast fit the 32 vector registers), broadcasting one element
// of A per row and loading two float16 of B per k, with explicit fma(). Dimension 0 runs over row tiles, so
// consecutive work-items reuse the same panel of B from cache. Tiles that cross the matrix edge fall back to
// scalar dot products. PoCL runs this far faster than the GPU-style kernel below, whose local-memory tiling
// only adds copies on a CPU.
#define CPU_ROWS 6
__kernel void sgemm_cpu(const int m, const int n, const int k, __global const float *a,
                        __global const float *b, __global float *c) {
    int i = get_global_id(0) * CPU_ROWS;
    int j = get_global_id(1) * 32;
    if (i >= m || j >= n) {
        return;
    }
    if (i + CPU_ROWS <= m && j + 32 <= n) {
        float16 c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0;
        float16 c30 = 0, c31 = 0, c40 = 0, c41 = 0, c50 = 0, c51 = 0;
        __global const float *a0 = a + i * k;
        for (int p = 0; p < k; p++) {
            float16 b0 = vload16(0, b + p * n + j);
            float16 b1 = vload16(0, b + p * n + j + 16);
            float16 x = (float16) (a0[p]);
            c00 = fma(x, b0, c00);
            c01 = fma(x, b1, c01);
            x = (float16) (a0[k + p]);
            c10 = fma(x, b0, c10);
            c11 = fma(x, b1, c11);
            x = (float16) (a0[2 * k + p]);
            c20 = fma(x, b0, c20);
            c21 = fma(x, b1, c21);
            x = (float16) (a0[3 * k + p]);
            c30 = fma(x, b0, c30);
            c31 = fma(x, b1, c31);
            x = (float16) (a0[4 * k + p]);
            c40 = fma(x, b0, c40);
            c41 = fma(x, b1, c41);
            x = (float16) (a0[5 * k + p]);
            c50 = fma(x, b0, c50);
            c51 = fma(x, b1, c51);
        }
        __global float *cr = c + i * n + j;
        vstore16(c00, 0, cr);
        vstore16(c01, 0, cr + 16);
        vstore16(c10, 0, cr + n);
        vstore16(c11, 0, cr + n + 16);
        vstore16(c20, 0, cr + 2 * n);
        vstore16(c21, 0, cr + 2 * n + 16);
        vstore16(c30, 0, cr + 3 * n);
        vstore16(c31, 0, cr + 3 * n + 16);
        vstore16(c40, 0, cr + 4 * n);
        vstore16(c41, 0, cr + 4 * n + 16);
        vstore16(c50, 0, cr + 5 * n);
        vstore16(c51, 0, cr + 5 * n + 16);
        return;
    }
    for (int r = i; r < min(i + CPU_ROWS, m); r++) {
        for (int col = j; col < min(j + 32, n); col++) {
            float acc = 0.0f;
            for (int p = 0; p < k; p++) {
                acc = acc + a[r * k + p] * b[p * n + col];
            }
            c[r * n + col] = acc;
        }
    }
}

// GPU variant: 16 x 16 work-groups stage tiles of A and B in local memory; each work-item accumulates one
// element of C. Edges are padded with zeros.
#define TILE 16
__kernel void sgemm_gpu(const int m, const int n, const int k, __global const float *a,
                        __global const float *b, __global float *c) {
    __local float as[TILE][TILE];
    __local float bs[TILE][TILE];
    int row = get_global_id(1);
    int col = get_global_id(0);
    int lr = get_local_id(1);
    int lc = get_local_id(0);
    float acc = 0.0f;
    for (int t = 0; t < k; t += TILE) {
        as[lr][lc] = (row < m && t + lc < k) ? a[row * k + t + lc] : 0.0f;
        bs[lr][lc] = (col < n && t + lr < k) ? b[(t + lr) * n + col] : 0.0f;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < TILE; p++) {
            acc = fma(as[lr][p], bs[p][lc], acc);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (row < m && col < n) {
        c[row * n + col] = acc;
    }
}

// CPU variant: one output element per work-item, a dot product in float16 registers with a scalar tail.
__kernel void batched_gemv_cpu(const int m, const int n, const int rows, __global const float *a,
                               __global const float *x, __global float *y) {
    int row = get_global_id(0);
    if (row >= rows) {
        return;
    }
    __global const float *ar = a + (long) row * n;
    __global const float *xr = x + (long) (row / m) * n;
    float16 acc = 0;
    int j = 0;
    for (; j + 16 <= n; j += 16) {
        acc = fma(vload16(0, ar + j), vload16(0, xr + j), acc);
    }
    float8 h8 = acc.lo + acc.hi;
    float4 h4 = h8.lo + h8.hi;
    float2 h2 = h4.lo + h4.hi;
    float sum = h2.x + h2.y;
    for (; j < n; j++) {
        sum = sum + ar[j] * xr[j];
    }
    y[row] = sum;
}

// GPU variant: a work-group of 64 per output element reads the row coalesced and reduces in local memory.
#define GEMV_GROUP 64
__kernel void batched_gemv_gpu(const int m, const int n, const int rows, __global const float *a,
                               __global const float *x, __global float *y) {
    __local float partial[GEMV_GROUP];
    int row = get_group_id(0);
    int lane = get_local_id(0);
    __global const float *ar = a + (long) row * n;
    __global const float *xr = x + (long) (row / m) * n;
    float sum = 0.0f;
    for (int j = lane; j < n; j += GEMV_GROUP) {
        sum = fma(ar[j], xr[j], sum);
    }
    partial[lane] = sum;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int stride = GEMV_GROUP / 2; stride > 0; stride >>= 1) {
        if (lane < stride) {
            partial[lane] = partial[lane] + partial[lane + stride];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lane == 0) {
        y[row] = partial[0];
    }
}
