package dev.burnrate.portal.chargeback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Rounds exact parts to the cent so that they add up exactly to a whole already rounded to the cent (the
 * largest-remainder method): every part is rounded down, then the cents still missing go one each to the parts
 * that lost the most (ties to the earlier part, so the result is deterministic). The whole is normally the parts'
 * exact sum rounded; it may differ from that by a cent when it is what is left of a larger rounded whole.
 */
final class LargestRemainder {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private LargestRemainder() {
    }

    static List<BigDecimal> apportion(List<BigDecimal> exact, BigDecimal whole) {
        List<BigDecimal> floors = new ArrayList<>(exact.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal part : exact) {
            BigDecimal floor = part.setScale(2, RoundingMode.FLOOR);
            floors.add(floor);
            sum = sum.add(floor);
        }
        int missing = whole.subtract(sum).divide(CENT).intValueExact();
        if (Math.abs(missing) > exact.size() + 1 || exact.isEmpty() && missing != 0) {
            throw new IllegalArgumentException("the parts add up to " + exact.stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add) + ", which is not within a cent of " + whole);
        }
        List<Integer> order = IntStream.range(0, exact.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> exact.get(i).subtract(floors.get(i))).reversed()
                        .thenComparing(i -> i))
                .toList();
        // a whole rounded from other parts may be a cent above or below these parts' own rounding: then a cent
        // more is given (to the largest remainders) or taken (from the smallest)
        for (int k = 0; k < Math.abs(missing); k++) {
            int i = missing > 0 ? order.get(k % order.size()) : order.get(order.size() - 1 - k % order.size());
            floors.set(i, floors.get(i).add(missing > 0 ? CENT : CENT.negate()));
        }
        return floors;
    }
}
