package dev.burnrate.portal.provisioning;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.kernel.SpotTrainingPlan;
import dev.burnrate.engine.simulation.Distribution;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Estimates with the simulator where the answer is uncertain: a spot request with a planned duration runs the
 * spot-interruption Monte Carlo on the chosen compute backend (interruptions, lost work since the last
 * checkpoint, restarts, fallback to on-demand), so the P90 reflects the risk. Everything priced per hour without
 * uncertainty (on-demand, committed, open-ended runs) is list-price arithmetic, as the provider bills it.
 */
@Component
@Primary
public class SimulatedEstimator implements CostEstimator {

    /**
     * Spot interruptions per instance-hour when neither the provider (per offering) nor a setting gives a rate:
     * about one a week per instance.
     */
    static final double DEFAULT_INTERRUPTIONS_PER_HOUR = 0.006;
    static final String INTERRUPTION_SETTING = "provisioning.spot-interruptions-per-hour";
    static final int SCENARIOS = 20_000;
    static final double CHECKPOINT_INTERVAL_HOURS = 1.0;
    static final double CHECKPOINT_OVERHEAD_HOURS = 0.05;
    static final double RESTART_HOURS = 0.25;
    static final int MAX_INTERRUPTIONS = 50;
    // A fixed seed keeps the live preview steady while the user edits unrelated fields.
    private static final long SEED = 20_261_128L;
    private static final Logger log = LoggerFactory.getLogger(SimulatedEstimator.class);

    private final ListPriceEstimator listPrices;
    private final ComputeService compute;
    private final SettingsService settings;

    public SimulatedEstimator(ListPriceEstimator listPrices, ComputeService compute, SettingsService settings) {
        this.listPrices = listPrices;
        this.compute = compute;
        this.settings = settings;
    }

    @Override
    public Estimate estimate(Offering offering, int count, PurchaseOption option, Double durationHours,
                             boolean checkpointing) {
        Estimate list = listPrices.estimate(offering, count, option, durationHours, checkpointing);
        if (option != PurchaseOption.SPOT || durationHours == null || !(durationHours > 0)) {
            return list;
        }
        Double published = offering.spotInterruptionsPerHour();
        double perInstance = published != null ? published : interruptionsPerHour();
        double rate = perInstance * count;
        double onDemandHourly = offering.prices().onDemand() * count;
        // Without checkpoints an interruption loses all work done so far: one segment as long as the job.
        double interval = checkpointing ? Math.min(CHECKPOINT_INTERVAL_HOURS, durationHours) : durationHours;
        SpotTrainingPlan plan = new SpotTrainingPlan(durationHours, interval,
                checkpointing ? CHECKPOINT_OVERHEAD_HOURS : 0, RESTART_HOURS, rate, list.hourlyCost(),
                onDemandHourly, 0, 0, MAX_INTERRUPTIONS);
        try {
            KernelRunner kernels = new KernelRunner(compute.router());
            Distribution cost = Distribution.of(kernels.spotTraining(plan.params(SEED), SCENARIOS).cost());
            String source = String.format("simulated: %,d spot scenarios on %s, %.4f interruptions per instance-hour"
                            + " (%s), %s", SCENARIOS, kernels.backendId(KernelNames.SPOT_TRAINING_MONTE_CARLO),
                    perInstance, published != null ? "the provider's rate" : "the portal's rate setting",
                    checkpointing ? "checkpoint every " + interval + " h" : "no checkpoints (an interruption restarts the job)");
            return new Estimate(list.hourlyCost(), cost.mean(), cost.p90(), list.monthlyRunRate(), source,
                    list.currency(), cost.p50());
        } catch (KernelException | RuntimeException e) {
            log.warn("Spot simulation failed for {}; showing list prices", offering.key(), e);
            return list;
        }
    }

    /** Spot interruptions per instance-hour of an offering: the provider's published rate, else the setting's. */
    public double interruptionsPerHour(Offering offering) {
        Double published = offering.spotInterruptionsPerHour();
        return published != null ? published : interruptionsPerHour();
    }

    private double interruptionsPerHour() {
        return settings.get(INTERRUPTION_SETTING).map(value -> {
            try {
                double parsed = Double.parseDouble(value);
                return parsed >= 0 ? parsed : DEFAULT_INTERRUPTIONS_PER_HOUR;
            } catch (NumberFormatException e) {
                log.warn("Setting {}='{}' is not a number; using {}", INTERRUPTION_SETTING, value,
                        DEFAULT_INTERRUPTIONS_PER_HOUR);
                return DEFAULT_INTERRUPTIONS_PER_HOUR;
            }
        }).orElse(DEFAULT_INTERRUPTIONS_PER_HOUR);
    }
}
