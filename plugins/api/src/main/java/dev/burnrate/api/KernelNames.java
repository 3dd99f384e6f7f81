package dev.burnrate.api;

import java.util.List;

/**
 * The names of the kernels backends implement, and each kernel's contract: its parallel range ({@code size}), its
 * buffers, its scalars and its result. The reference backend in the engine is the definition of every result; the
 * conformance suite checks each backend against it with the tolerances stated here.
 *
 * <p>Conventions for every kernel:
 * <ul>
 *   <li>Buffers are NIO buffers in native byte order (direct buffers sliced from Arrow vectors pass with zero
 *       copies). Elements are addressed absolutely from index 0; the buffer's position is ignored, so pass a
 *       {@code slice()} for a sub-range. A buffer must hold at least the stated number of elements.</li>
 *   <li>Matrices and per-item tables are flat and row-major: element {@code (r, c)} of an {@code R x C} table is at
 *       {@code r * C + c}.</li>
 *   <li>Output buffers are only written, never read; every element of the stated range is written.</li>
 *   <li>Scalars are {@link Number}s; {@code long}/{@code int} scalars must be integral, {@code double} scalars are
 *       read with {@link Number#doubleValue()}.</li>
 *   <li>Randomness is counter-based: draw {@code d} (0, 1, 2, ...) of scenario {@code s} under {@code seed} is
 *       {@code mix64(key + (d + 1) * 0x9E3779B97F4A7C15)} with {@code key = mix64(seed ^ mix64(s))} and
 *       {@code mix64} the SplitMix64 finaliser ({@code z ^= z >>> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >>> 27;
 *       z *= 0x94D049BB133111EB; z ^= z >>> 31}, arithmetic mod 2^64). Its uniform in [0, 1) is
 *       {@code (bits >>> 11) * 2^-53}. Results therefore do not depend on the backend or on how the range is
 *       split across threads.</li>
 *   <li>{@code ln} in a kernel is the engine's reproducible logarithm ({@code KernelMath.ln}), built from IEEE
 *       +, -, *, / only and written out identically in every backend, never the platform's {@code log}, so that
 *       floating-point results, and every decision taken on them, agree bit for bit.</li>
 * </ul>
 */
public final class KernelNames {

    /**
     * Monte Carlo of a training job on interruptible (spot) capacity with checkpoints, restarts and an optional
     * deadline that triggers a fallback to on-demand capacity.
     *
     * <p>The job is {@code n = segments} segments of work run one after another: {@code n - 1} full ones of
     * {@code T = segmentHours} (work between checkpoints plus writing the checkpoint), then a last one of
     * {@code lastSegmentHours} (no checkpoint after it). Spot interruptions arrive at {@code interruptionsPerHour}
     * (a Poisson process over spot running time). Per scenario, with {@code seg} the segment the job resumes from
     * and {@code remaining = (n - 1 - seg) * T + lastSegmentHours} its uninterrupted hours to the end:
     * <ol>
     *   <li>on on-demand capacity the job runs {@code remaining} hours and ends;</li>
     *   <li>on spot, the running time until the next interruption is {@code x = -ln(1 - u) * (1.0 / interruptionsPerHour)}
     *       with {@code u} the uniform of the scenario's next draw ({@code x = +inf} when the rate is 0). If
     *       {@code x >= remaining} the job runs {@code remaining} hours and ends;</li>
     *   <li>otherwise it ran {@code x} hours and lost the segment it was in: when {@code x < (n - 1 - seg) * T} it
     *       completed {@code c = (long) (x / T)} segments (minus one if {@code c * T > x}), else all {@code n - 1 -
     *       seg} full ones; {@code seg += c}. It restarts from its last checkpoint after {@code restartHours}
     *       (billed), on on-demand capacity for the rest of the run if it has been interrupted
     *       {@code maxInterruptions} times or the deadline is at risk: {@code deadlineHours > 0 && deadlineHours -
     *       (t + restartHours + remaining) < fallbackSlackHours} (t: wall hours so far; remaining: from the new
     *       {@code seg}); otherwise on spot. Back to 1.</li>
     * </ol>
     * Every hour is billed at the price of the capacity it runs on; operations are evaluated in the order written
     * ({@code t = t + x}, then {@code t = t + restartHours}; costs as {@code hours * price} added likewise).
     *
     * <ul>
     *   <li>size: number of scenarios S.</li>
     *   <li>scalars: {@code seed} (long); {@code segments} (int &ge; 1); {@code segmentHours},
     *       {@code lastSegmentHours} (double &gt; 0); {@code interruptionsPerHour} (double &ge; 0);
     *       {@code restartHours} (double &ge; 0); {@code spotPrice}, {@code onDemandPrice} (double &ge; 0, per
     *       hour of the whole job's capacity); {@code deadlineHours} (double; &le; 0 or NaN: no deadline);
     *       {@code fallbackSlackHours} (double &ge; 0); {@code maxInterruptions} (int &ge; 1).</li>
     *   <li>buffers out: {@code wallHours} DoubleBuffer[S], {@code cost} DoubleBuffer[S], {@code onDemandHours}
     *       DoubleBuffer[S] (hours billed on-demand after a fallback), {@code interruptions} IntBuffer[S].</li>
     *   <li>tolerance: {@code interruptions} exactly; doubles within 1e-12 relative (identical in practice).</li>
     * </ul>
     */
    public static final String SPOT_TRAINING_MONTE_CARLO = "spot-training-mc";

    /**
     * Inference capacity and cost: instances needed per hour and offering for a load curve, and the cost of
     * buying them on-demand, as a spot/on-demand mix, or as a committed baseline plus on-demand burst.
     *
     * <p>For offering {@code o} and hour {@code h}: {@code instances = max(minInstances, ceil(requestsPerSecond[h]
     * * tokensPerRequest / (tokensPerSecond[o] * utilisationTarget)))} (saturating at {@code Integer.MAX_VALUE});
     * of those, {@code floor(instances * spotShare)} run on spot. The committed baseline is the smallest hourly
     * instance count over the curve (always fully used); the rest is on-demand burst.
     *
     * <ul>
     *   <li>size: number of offerings O.</li>
     *   <li>scalars: {@code hours} (int H &ge; 1); {@code tokensPerRequest} (double &gt; 0);
     *       {@code utilisationTarget} (double in (0, 1], the SLA headroom: 0.7 runs instances at &le; 70% of
     *       their throughput); {@code spotShare} (double in [0, 1]); {@code minInstances} (int &ge; 0).</li>
     *   <li>buffers in: {@code requestsPerSecond} DoubleBuffer[H]; {@code tokensPerSecond} DoubleBuffer[O] (per
     *       instance, &gt; 0); {@code onDemandPrice}, {@code spotPrice}, {@code committedPrice} DoubleBuffer[O]
     *       (per instance-hour; NaN where the offering is not sold that way).</li>
     *   <li>buffers out: {@code instances} IntBuffer[O*H] (row {@code o}, column {@code h}); {@code totals}
     *       DoubleBuffer[O*5], per offering: [0] on-demand cost, [1] spot-mix cost, [2] committed-baseline plus
     *       on-demand-burst cost, [3] baseline instances, [4] instance-hours. A cost is NaN where it needs a
     *       price that is NaN.</li>
     *   <li>tolerance: {@code instances} exactly; totals within 1e-12 relative (computed from integer sums).</li>
     * </ul>
     */
    public static final String INFERENCE_CAPACITY = "inference-capacity";

    /**
     * Commitment coverage: for an hourly usage series, the cost at every coverage level of a commitment, counting
     * unused commitment. Level {@code l} of {@code L} commits to {@code c = peakUsage * l / (L - 1)} units every
     * hour; an hour costs {@code c * committedPrice + max(0, usage[h] - c) * onDemandPrice}.
     *
     * <ul>
     *   <li>size: T * L, for T commitment terms (e.g. 1-year and 3-year) and L levels; item {@code i} is term
     *       {@code i / L}, level {@code i % L}.</li>
     *   <li>scalars: {@code hours} (int H &ge; 1); {@code levels} (int L &ge; 2); {@code peakUsage} (double &ge; 0);
     *       {@code onDemandPrice} (double &ge; 0, per unit-hour).</li>
     *   <li>buffers in: {@code usage} DoubleBuffer[H] (units used per hour, &ge; 0); {@code committedPrices}
     *       DoubleBuffer[T] (effective price per committed unit-hour of each term).</li>
     *   <li>buffers out: {@code cost} DoubleBuffer[T*L]; {@code unusedUnitHours} DoubleBuffer[T*L].</li>
     *   <li>tolerance: 1e-9 relative (hours are summed in order in the reference; identical in practice).</li>
     * </ul>
     */
    public static final String COMMITMENT_COVERAGE = "commitment-coverage";

    /**
     * Single-precision matrix product {@code C = A * B} (a training proxy for calibration).
     *
     * <ul>
     *   <li>size: M * N (elements of C).</li>
     *   <li>scalars: {@code m}, {@code n}, {@code k} (int &ge; 1).</li>
     *   <li>buffers in: {@code a} FloatBuffer[M*K], {@code b} FloatBuffer[K*N]; out: {@code c} FloatBuffer[M*N].</li>
     *   <li>tolerance: {@code |c - cRef| <= 2 * K * 2^-24 * sum_k |a[i,k] * b[k,j]|} (any summation order, with
     *       or without fused multiply-add).</li>
     * </ul>
     */
    public static final String SGEMM = "sgemm";

    /**
     * Batched single-precision matrix-vector products {@code y[b] = A[b] * x[b]} (an inference proxy for
     * calibration: memory-bound, like decoding).
     *
     * <ul>
     *   <li>size: batch * M (elements of y).</li>
     *   <li>scalars: {@code batch}, {@code m}, {@code n} (int &ge; 1).</li>
     *   <li>buffers in: {@code a} FloatBuffer[batch*M*N], {@code x} FloatBuffer[batch*N]; out: {@code y}
     *       FloatBuffer[batch*M].</li>
     *   <li>tolerance: as {@link #SGEMM} with N in place of K.</li>
     * </ul>
     */
    public static final String BATCHED_GEMV = "batched-gemv";

    /**
     * Streaming anomaly scores of many aligned series (an inference kernel): each series is scanned in time order
     * and a point's score uses only the points before it and itself. The state after the last step is written
     * out, so later points can be scored by a new launch that starts from it, with the same results as a rescan
     * of the whole history.
     *
     * <p>Per series, with state {@code n} (observed points), {@code level}, {@code scale}, {@code mean},
     * {@code var}, {@code short}, {@code peak}, {@code lo}, {@code hi}, {@code fast}, {@code slow},
     * {@code slowScale}, {@code shiftMean}, {@code shiftVar} (all 0 in a fresh state), each step's value {@code x}
     * is handled as follows (operations in the order written, {@code clamp(v, a, b) = max(a, min(b, v))},
     * {@code L(d) = d > 0 ? clamp(ln(max(0.5 * erfc(d / sqrt(2)), 1e-300)) / ln(1e-10), 0, 1) : 0}: how deep
     * {@code d} lies in a standard normal's upper tail, 1 from a tail of 1e-10 on):
     * <ol>
     *   <li>{@code x} NaN or infinite (missing): {@code score = 0}, {@code expected = n > 0 ? level : NaN}; the
     *       state is unchanged.</li>
     *   <li>Otherwise {@code x} is first clamped to [-1e300, 1e300] (so that no difference overflows).</li>
     *   <li>{@code n == 0}: {@code level = lo = hi = fast = slow = x}, {@code n = 1}; {@code score = 0},
     *       {@code expected = x}.</li>
     *   <li>Otherwise the baseline is a robust level: {@code expected = level}, {@code r = x - level},
     *       {@code z = |r| / max(scale, 1e-9 * (|level| + 1e-9))}, {@code raw = z} NaN ? 0 : {@code min(z, 20)}.
     *       The level follows the residual clipped at 4 scales: {@code c = n < 10 ? r : clamp(r, -4 * scale,
     *       4 * scale)}, {@code level = level + 0.02 * c}; {@code a = n < 10 ? |r| : min(|r|, 4 * scale)};
     *       {@code scale = n < 2 ? |r| : scale + 0.02 * (a - scale)}; {@code short = short + 0.5 * (raw -
     *       short)}.</li>
     *   <li>Anomaly likelihood (as NAB's HTM detector: how unusual the short-term mean of the raw scores is
     *       against their long-run distribution): {@code s = n > warmup ? L((short - mean) / (sqrt(var) + 1e-6)) :
     *       0}; then {@code w = n < 50 ? 1.0 / n : 0.02}, {@code dm = raw - mean}, {@code mean = mean + w * dm},
     *       {@code var = var + w * (dm * dm - var)}.</li>
     *   <li>Level shifts (a fast mean leaving a slow robust one): {@code q = x - slow}, {@code fast = fast + 0.05
     *       * (x - fast)}, {@code g = |fast - slow| / max(slowScale, 1e-9 * (|slow| + 1e-9))}, {@code shiftRaw =
     *       g} NaN ? 0 : {@code min(g, 20)}; {@code slow = slow + 0.01 * (n < 10 ? q : clamp(q, -4 * slowScale,
     *       4 * slowScale))}; {@code slowScale = n < 2 ? |q| : slowScale + 0.01 * (min(|q|, 4 * slowScale) -
     *       slowScale)}; when {@code n > warmup}, {@code s = max(s, L((shiftRaw - shiftMean) / (sqrt(shiftVar) +
     *       1e-6)))}; then {@code v = n < 200 ? 1.0 / n : 0.005}, {@code ds = shiftRaw - shiftMean},
     *       {@code shiftMean = shiftMean + v * ds}, {@code shiftVar = shiftVar + v * (ds * ds - shiftVar)}.</li>
     *   <li>Range breach: when {@code n > warmup} and {@code x > hi + 0.05 * (hi - lo)} or {@code x < lo - 0.05 *
     *       (hi - lo)}, {@code s = 1}. Then {@code lo = min(lo, x)}, {@code hi = max(hi, x)}.</li>
     *   <li>Suppression of repeats: {@code score = s > peak + 0.1 ? s : 0.1 * s}, {@code peak = max(0.99 * peak,
     *       s)}; {@code n = n + 1}.</li>
     * </ol>
     * {@code erfc} is the Chebyshev fit of Numerical Recipes ({@code erfcc}, fractional error below 1.2e-7):
     * {@code t = 1 / (1 + 0.5 |x|)}, {@code r = t * exp(-x^2 - 1.26551223 + t * (1.00002368 + t * (0.37409196 +
     * t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t *
     * (-0.82215223 + t * 0.17087277)))))))))}, {@code erfc(x) = x >= 0 ? r : 2 - r}; {@code exp}, {@code ln} and
     * {@code sqrt} are Java's {@code StrictMath} (fdlibm) functions.
     *
     * <ul>
     *   <li>size: number of series S.</li>
     *   <li>scalars: {@code length} (int T &ge; 0, steps in this launch); {@code warmup} (int &ge; 1: points a
     *       series observes before the likelihoods and the range breach may score it; 100 for NAB-like streams, about
     *       two weeks for daily cost series).</li>
     *   <li>buffers in: {@code values} DoubleBuffer[S*T] (row {@code s} is series {@code s}); {@code stateIn}
     *       DoubleBuffer[S*{@value #ANOMALY_STATE_WIDTH}] (per series the fourteen state values in the order
     *       listed above; zeros for a series never scored).</li>
     *   <li>buffers out: {@code score} DoubleBuffer[S*T] (in [0, 1]); {@code expected} DoubleBuffer[S*T] (the
     *       causal baseline each value was judged against, for dollar impact); {@code stateOut}
     *       DoubleBuffer[S*{@value #ANOMALY_STATE_WIDTH}]. {@code stateOut} may be the same buffer as
     *       {@code stateIn}: a series' state is read before it is written.</li>
     *   <li>tolerance: {@code expected} and state within 1e-12 relative; {@code score} within 1e-9 absolute (a
     *       backend without fdlibm's exp/ln, such as OpenCL, differs in the last bits of {@code s} and
     *       {@code peak}; only an {@code s} within an ulp of {@code peak + 0.1} could then be suppressed on one
     *       backend and not on the other).</li>
     * </ul>
     */
    public static final String ANOMALY_SCORE = "anomaly-score";

    /** Doubles of state per series of {@link #ANOMALY_SCORE}. */
    public static final int ANOMALY_STATE_WIDTH = 14;

    /**
     * Exponential smoothing fitted by a parameter grid: the mean squared one-step error of every (series, parameter
     * set) pair, so that a forecaster picks each series' parameters with one launch over series x grid points.
     *
     * <p>The model (additive errors, damped additive trend, one or two additive seasonal cycles, error-correction
     * form): series {@code s} has {@code n = lengths[s]} steps {@code y[t] = values[s * length + t]} (NaN =
     * missing). Initial state: {@code level} = mean of the non-missing values among the first {@code min(period, n)}
     * steps (0 if none), {@code trend = 0}, first-cycle seasons {@code s1[t] = y[t] - level} for those steps (0 where
     * missing or beyond {@code n}), second-cycle seasons {@code s2[*] = 0}. Then for {@code t = 0 .. n-1}, with
     * {@code d = phi * trend}, {@code f = level + d + s1[t % period] + s2[t % period2]} ({@code s2} term only when
     * {@code period2 > 0}), {@code e = y[t] - f} (0 when missing): {@code level = level + d + alpha * e},
     * {@code trend = d + beta * e}, {@code s1[t % period] += gamma * e}, {@code s2[t % period2] += delta * e}.
     * Operations in the order written, no fused multiply-add.
     *
     * <ul>
     *   <li>size: S * G; item {@code i} is series {@code i / G}, grid point {@code i % G}.</li>
     *   <li>scalars: {@code length} (int T &ge; 1, the row stride of {@code values}); {@code period} (int &ge; 1);
     *       {@code period2} (int, 0 or a multiple of {@code period} greater than it); {@code gridPoints} (int G &ge; 1);
     *       {@code warmup} (int &ge; 0: steps before it are not scored).</li>
     *   <li>buffers in: {@code values} DoubleBuffer[S*T]; {@code lengths} IntBuffer[S] (each in [0, T]);
     *       {@code grid} DoubleBuffer[G*5], per point alpha, beta, phi, gamma, delta (each in [0, 1]).</li>
     *   <li>buffers out: {@code mse} DoubleBuffer[S*G]: sum of {@code e^2} over the non-missing steps
     *       {@code t >= warmup}, divided by their count; NaN when there are none.</li>
     *   <li>tolerance: 1e-9 relative, or 1e-9 of the series' mean square absolute (identical in practice).</li>
     * </ul>
     */
    public static final String EXP_SMOOTHING_GRID = "exp-smoothing-grid";

    /**
     * Exponential smoothing forecasts: runs the model of {@link #EXP_SMOOTHING_GRID} with one parameter set per
     * series over its {@code n} steps, then forecasts step {@code k = 0 .. horizon-1} as {@code level +
     * (phi + phi^2 + ... + phi^(k+1)) * trend + s1[(n + k) % period] + s2[(n + k) % period2]} (the powers
     * accumulated in that order).
     *
     * <ul>
     *   <li>size: number of series S.</li>
     *   <li>scalars: {@code length}, {@code period}, {@code period2} as for the grid; {@code horizon} (int H &ge; 1).</li>
     *   <li>buffers in: {@code values}, {@code lengths} as for the grid; {@code params} DoubleBuffer[S*5] (alpha,
     *       beta, phi, gamma, delta of each series).</li>
     *   <li>buffers out: {@code forecast} DoubleBuffer[S*H].</li>
     *   <li>tolerance: as for the grid.</li>
     * </ul>
     */
    public static final String EXP_SMOOTHING_FORECAST = "exp-smoothing-forecast";

    /** Every kernel name, in a stable order. */
    public static final List<String> ALL = List.of(SPOT_TRAINING_MONTE_CARLO, INFERENCE_CAPACITY,
            COMMITMENT_COVERAGE, SGEMM, BATCHED_GEMV, ANOMALY_SCORE, EXP_SMOOTHING_GRID, EXP_SMOOTHING_FORECAST);

    private KernelNames() {
    }
}
