package dev.burnrate.engine.forecast;

/** Solves a small symmetric positive-definite system {@code A x = b} ({@code A} row-major p x p). */
final class Cholesky {

    private Cholesky() {
    }

    static double[] solve(double[] a, double[] b, int p) {
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * p + k] * l[j * p + k];
                }
                if (i == j) {
                    l[i * p + i] = Math.sqrt(Math.max(sum, 1e-300));
                } else {
                    l[i * p + j] = sum / l[j * p + j];
                }
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * p + k] * z[k];
            }
            z[i] = sum / l[i * p + i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < p; k++) {
                sum -= l[k * p + i] * x[k];
            }
            x[i] = sum / l[i * p + i];
        }
        return x;
    }
}
