package dev.burnrate.engine.simulation;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison rows of one inference offering per purchase option: the spot mix explained when it costs what
 * on-demand costs, and commitments priced over their whole term and recommended only for a load that spans it.
 */
final class InferenceRows {

    private InferenceRows() {
    }

    /**
     * A committed option at the better of two plans: committing the load curve's minimum (the capacity kernel's
     * baseline) or the coverage level that minimises cost (the coverage kernel), the rest on-demand. The commitment
     * is paid for its whole term: when the load curve is shorter, the committed instances' remaining term hours are
     * added, and the option is not recommended (the workload does not span the term).
     */
    static void addCommitted(List<ComparisonRow> rows, Offering offering, InstanceCompute compute,
                                     int[] instances, PurchaseOption term, double baselineCost,
                                     CommitmentAnalysis coverage, InferenceWorkload w, List<String> notes,
                                     double baselineInstances) {
        Double price = offering.prices().forOption(term);
        if (price == null || Double.isNaN(baselineCost)) {
            return;
        }
        double units = baselineInstances;
        double horizonCost = baselineCost;
        String plan = String.format("%.0f instances committed (the load curve's minimum), burst on-demand",
                baselineInstances);
        if (coverage != null && coverage.cost().containsKey(term)) {
            int level = coverage.optimalLevel(term);
            double optimal = coverage.cost().get(term)[level];
            if (optimal < baselineCost) {
                units = coverage.units(level);
                horizonCost = optimal;
                plan = String.format("%.1f instances committed (%.0f%% of peak, the cheapest coverage level), the"
                                + " rest on-demand; committing only the minimum (%.0f) would cost $%,.0f over the load"
                                + " curve", units, coverage.coveragePercent()[level], baselineInstances, baselineCost);
            }
        }
        double termHours = CommitmentTerm.hours(term);
        double unusedTerm = Math.max(0, termHours - w.hours()) * units * price;
        List<String> rowNotes = withNote(notes, plan);
        rowNotes.add(CommitmentTerm.obligationText(term, price, units)
                + (unusedTerm > 0 ? String.format(", of which $%,.0f falls after the %d-hour load curve",
                unusedTerm, w.hours()) : ""));
        add(rows, offering, compute, instances, term, horizonCost + unusedTerm, w, rowNotes);
        if (w.hours() < termHours && units > 0) {
            rows.set(rows.size() - 1, rows.getLast().ineligible(String.format("the %d-hour load curve does not span"
                    + " the %s (%,.0f h, %d months)", w.hours(), ComparisonRow.optionName(term), termHours,
                    CommitmentTerm.months(term))));
        }
    }

    /** How the spot mix is made up, and why it costs what on-demand costs when it does. */
    static String spotNote(InferenceWorkload w, Offering offering, int[] instances) {
        long total = 0;
        long onSpot = 0;
        for (int count : instances) {
            total += count;
            onSpot += (long) Math.floor(count * w.spotShare());
        }
        String note = String.format("%.0f%% of instances on spot (rounded down each hour), the rest on-demand: %,d of"
                + " %,d instance-hours on spot", 100 * w.spotShare(), onSpot, total);
        double spot = offering.prices().spot();
        if (onSpot == 0) {
            return note + "; it costs what on-demand costs because no hour has enough instances for"
                    + " a spot share of them";
        }
        if (spot >= offering.prices().onDemand()) {
            return note + String.format("; it costs no less than on-demand because the catalog's spot price"
                    + " ($%,.4f/h) is not below on-demand ($%,.4f/h)", spot, offering.prices().onDemand());
        }
        return note;
    }

    static List<String> withNote(List<String> notes, String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return all;
    }

    static void add(List<ComparisonRow> rows, Offering offering, InstanceCompute compute, int[] instances,
                            PurchaseOption option, double cost, InferenceWorkload w, List<String> notes) {
        if (Double.isNaN(cost)) {
            return; // the offering is not sold this way
        }
        int peak = 0;
        for (int count : instances) {
            peak = Math.max(peak, count);
        }
        rows.add(new ComparisonRow(offering, compute.hardware(), compute.kind(), peak, option,
                Distribution.constant(cost), Distribution.constant(w.hours()), Double.NaN, 0, 0, 0,
                Histogram.of(new double[]{cost}, 1), new double[][]{{w.hours(), cost}}, notes,
                Provenance.of(offering, option, compute), null));
    }
}
