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
 * that lost the most (ties to the earlier part, so the result is deterministic).
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
        if (missing < 0 || missing > exact.size()) {
            throw new IllegalArgumentException("the parts add up to " + exact.stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add) + ", which does not round to " + whole);
        }
        List<Integer> order = IntStream.range(0, exact.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> exact.get(i).subtract(floors.get(i))).reversed()
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < missing; k++) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(CENT));
        }
        return floors;
    }
}
