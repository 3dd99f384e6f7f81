package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Training and serving side by side: the recommended training option with the cheapest serving option on each
 * kind of hardware (the hybrid practice: train on GPUs, serve on CPUs or smaller GPUs), and with serving on the
 * training instance type itself, sorted by total cost.
 */
public final class HybridComparison {

    private HybridComparison() {
    }

    /** One plan: how to train, how to serve, and the total. */
    public record HybridOption(String label, ComparisonRow training, ComparisonRow serving, double totalCost) {
    }

    public static List<HybridOption> compare(TrainingReport training, InferenceReport serving) {
        if (training.recommendation() == null || serving.recommendation() == null) {
            return List.of();
        }
        List<HybridOption> options = new ArrayList<>();
        List<ComparisonRow> trainings = new ArrayList<>();
        trainings.add(training.recommendation().choice());
        for (HardwareKind kind : HardwareKind.values()) {
            bestOf(training.rows().stream().filter(r -> r.kind() == kind)
                    .filter(ComparisonRow::isEligible).toList())
                    .filter(r -> !trainings.contains(r)).ifPresent(trainings::add);
        }
        for (ComparisonRow train : trainings) {
            List<ComparisonRow> servings = new ArrayList<>();
            bestOf(serving.rows().stream().filter(ComparisonRow::isEligible).filter(r -> r.offering().instanceType()
                    .equals(train.offering().instanceType())).toList()).ifPresent(servings::add);
            for (HardwareKind kind : HardwareKind.values()) {
                bestOf(serving.rows().stream().filter(ComparisonRow::isEligible).filter(r -> r.kind() == kind).toList())
                        .filter(r -> !servings.contains(r)).ifPresent(servings::add);
            }
            for (ComparisonRow serve : servings) {
                options.add(new HybridOption(label(train, serve), train, serve,
                        train.expectedCost() + serve.expectedCost()));
            }
        }
        options.sort(Comparator.comparingDouble(HybridOption::totalCost));
        return options;
    }

    private static Optional<ComparisonRow> bestOf(List<ComparisonRow> rows) {
        return rows.stream().min(Comparator.comparingDouble(ComparisonRow::expectedCost));
    }

    private static String label(ComparisonRow train, ComparisonRow serve) {
        String where = train.offering().instanceType().equals(serve.offering().instanceType())
                ? "serve on the same instance type" : "serve on " + name(serve.kind()) + " (" + serve.hardware() + ")";
        return "Train on " + name(train.kind()) + " (" + train.hardware() + ", "
                + ComparisonRow.optionName(train.option()) + "), " + where + ", "
                + ComparisonRow.optionName(serve.option());
    }

    private static String name(HardwareKind kind) {
        return switch (kind) {
            case GPU -> "GPUs";
            case TPU -> "TPUs";
            case CPU -> "CPUs";
            case ACCELERATOR -> "accelerators";
        };
    }
}
