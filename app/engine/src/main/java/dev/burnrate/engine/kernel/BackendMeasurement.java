package dev.burnrate.engine.kernel;

/**
 * One calibration measurement: a backend running a kernel's probe.
 *
 * @param seconds best time of the timed runs, or NaN when the backend could not run the probe
 * @param gflops  achieved GFLOP/s for the matrix products, else NaN
 * @param problem why the backend was not measured (unavailable, kernel missing, failure), or null
 */
public record BackendMeasurement(String kernel, String backendId, String probe, double seconds, double gflops,
                                 String problem) {

    public boolean succeeded() {
        return problem == null;
    }
}
