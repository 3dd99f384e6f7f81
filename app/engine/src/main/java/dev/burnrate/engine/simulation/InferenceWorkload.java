package dev.burnrate.engine.simulation;

import dev.burnrate.api.Precision;

import java.util.Objects;

/**
 * An inference service to price over the hours of a load curve.
 *
 * @param requestsPerSecond  the load curve: mean requests per second in each hour
 * @param tokensPerRequest   generated tokens per request
 * @param parameters         model parameters
 * @param precision          the serving number format (bytes per parameter and peak throughput)
 * @param computeUtilisation fraction of peak FLOP/s decoding reaches when compute-bound, e.g. 0.4
 * @param batch              requests decoded together (each weight read serves this many tokens)
 * @param utilisationTarget  SLA headroom: instances run at most at this fraction of their throughput, e.g. 0.7
 * @param spotShare          fraction of the instances bought on spot in the spot mix
 * @param minInstances       instances kept running even at zero load
 */
public record InferenceWorkload(double[] requestsPerSecond, double tokensPerRequest, double parameters,
                                Precision precision, double computeUtilisation, int batch, double utilisationTarget,
                                double spotShare, int minInstances) {

    public InferenceWorkload {
        Objects.requireNonNull(precision, "precision");
        requestsPerSecond = requestsPerSecond.clone();
        if (requestsPerSecond.length == 0) {
            throw new IllegalArgumentException("the load curve needs at least one hour");
        }
        for (int h = 0; h < requestsPerSecond.length; h++) {
            if (!(requestsPerSecond[h] >= 0) || Double.isInfinite(requestsPerSecond[h])) {
                throw new IllegalArgumentException("requestsPerSecond[" + h + "] must be >= 0: "
                        + requestsPerSecond[h]);
            }
        }
        if (!(tokensPerRequest > 0) || !(parameters > 0)) {
            throw new IllegalArgumentException("tokensPerRequest and parameters must be positive");
        }
        if (!(computeUtilisation > 0 && computeUtilisation <= 1) || !(utilisationTarget > 0 && utilisationTarget <= 1)) {
            throw new IllegalArgumentException("utilisations must be in (0, 1]");
        }
        if (batch < 1 || minInstances < 0 || !(spotShare >= 0 && spotShare <= 1)) {
            throw new IllegalArgumentException("batch >= 1, minInstances >= 0 and spotShare in [0, 1] required");
        }
    }

    public int hours() {
        return requestsPerSecond.length;
    }

    /** A daily cycle between {@code troughRps} (at 04:00) and {@code peakRps} (at 16:00) over {@code days}. */
    public static double[] dailyCurve(double troughRps, double peakRps, int days) {
        double[] curve = new double[days * 24];
        for (int h = 0; h < curve.length; h++) {
            double phase = Math.cos(2 * Math.PI * ((h % 24) - 16) / 24.0);
            curve[h] = troughRps + (peakRps - troughRps) * (1 + phase) / 2;
        }
        return curve;
    }
}
