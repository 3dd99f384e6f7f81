package dev.burnrate.portal.finance;

import dev.burnrate.portal.chargeback.FocusCharge;
import dev.burnrate.portal.chargeback.FocusCsv;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Adversarial synthetic billing for reconciliation tests, one month (March 2026): usage rows with 3 to 6 decimals
 * (half of them ending in a half cent), a commitment bought up front (BilledCost, EffectiveCost 0) and amortised
 * over covered usage rows (BilledCost 0), credits, a refund, untagged shared rows, a second billing account in
 * EUR, and one adjustment per team that makes the team's USD BilledCost total an exact half-cent tie.
 */
public final class SyntheticBilling {

    public static final List<String> TEAMS = List.of("alpha", "beta", "gamma", "ml-research", "platform");
    public static final Instant MONTH = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[][] SERVICES = {
        {"Amazon Web Services", "Amazon Elastic Compute Cloud", "us-east-1", "Compute"},
        {"Amazon Web Services", "Amazon Simple Storage Service", "eu-west-1", "Storage"},
        {"Microsoft Azure", "Virtual Machines", "westeurope", "Compute"},
        {"Google Cloud", "Compute Engine", "us-central1", "Compute"},
    };

    private SyntheticBilling() {
    }

    /** @param halfCentTies how many team USD BilledCost totals are exact half-cent ties */
    public record Written(long rows, int halfCentTies) {
    }

    public static Written write(Path csv, int usageRows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, BigDecimal> teamBilledUsd = new LinkedHashMap<>();
        long rows = 0;
        try (Writer out = Files.newBufferedWriter(csv)) {
            FocusCsv focus = new FocusCsv(out);
            for (int i = 0; i < usageRows; i++) {
                String team = random.nextInt(10) == 0 ? null : TEAMS.get(random.nextInt(TEAMS.size()));
                boolean euro = random.nextInt(8) == 0;
                BigDecimal amount = amount(random);
                FocusCharge c = charge(random, i, euro, team, "Usage", "Usage-Based", "Standard", amount, amount);
                focus.write(c);
                rows++;
                if (team != null && !euro) {
                    teamBilledUsd.merge(team, amount, BigDecimal::add);
                }
            }
            // A commitment: 3,100.00 billed on the 1st, amortised as 100.00 a day over three covered rows.
            focus.write(charge(random, -1, false, null, "Purchase", "One-Time", "Committed",
                    new BigDecimal("3100.000000"), BigDecimal.ZERO.setScale(6)));
            rows++;
            String[] shares = {"33.333333", "33.333333", "33.333334"};
            for (int day = 0; day < 31; day++) {
                for (int s = 0; s < 3; s++) {
                    String team = TEAMS.get((day + s) % TEAMS.size());
                    FocusCharge c = charge(random, 1_000_000 + day * 3 + s, false, team, "Usage", "Usage-Based",
                            "Committed", BigDecimal.ZERO.setScale(2), new BigDecimal(shares[s]));
                    focus.write(withDay(c, day));
                    rows++;
                }
            }
            // Credits and a refund: negative costs.
            String[] credits = {"-12.345678", "-0.005", "-1.125", "-250.0005", "-7.77"};
            for (int k = 0; k < credits.length; k++) {
                String team = TEAMS.get(k % TEAMS.size());
                BigDecimal credit = new BigDecimal(credits[k]);
                focus.write(charge(random, 2_000_000 + k, false, team, "Credit", "One-Time", "Standard", credit,
                        credit));
                teamBilledUsd.merge(team, credit, BigDecimal::add);
                rows++;
            }
            BigDecimal refund = new BigDecimal("-250.125");
            focus.write(charge(random, 3_000_000, false, "beta", "Adjustment", "One-Time", "Standard", refund, refund));
            teamBilledUsd.merge("beta", refund, BigDecimal::add);
            rows++;
            // One adjustment per team so the team's USD BilledCost total ends in exactly half a cent.
            int ties = 0;
            for (var e : teamBilledUsd.entrySet()) {
                BigDecimal cents = e.getValue().movePointRight(2);
                BigDecimal fraction = cents.subtract(new BigDecimal(cents.toBigInteger())).movePointLeft(2);
                BigDecimal fix = new BigDecimal("0.005").subtract(fraction);
                focus.write(charge(random, 4_000_000 + ties, false, e.getKey(), "Adjustment", "One-Time", "Standard",
                        fix, fix));
                rows++;
                BigDecimal total = e.getValue().add(fix);
                if (total.movePointRight(3).remainder(BigDecimal.TEN).abs().compareTo(new BigDecimal(5)) == 0
                        && total.stripTrailingZeros().scale() == 3) {
                    ties++;
                }
            }
            return new Written(rows, ties);
        }
    }

    /** 3 to 6 decimals, up to about 1,000.00; half of them end in a half cent. */
    private static BigDecimal amount(SplittableRandom random) {
        if (random.nextBoolean()) {
            return BigDecimal.valueOf(random.nextLong(0, 100_000) * 10 + 5, 3);
        }
        int scale = 3 + random.nextInt(4);
        return BigDecimal.valueOf(random.nextLong(1, 1_000 * (long) Math.pow(10, scale)), scale);
    }

    private static FocusCharge charge(SplittableRandom random, int id, boolean euro, String team, String category,
                                      String frequency, String pricing, BigDecimal billed, BigDecimal effective) {
        String[] s = SERVICES[random.nextInt(SERVICES.length)];
        Instant start = MONTH.plus(random.nextInt(31), ChronoUnit.DAYS);
        Map<String, String> tags = new HashMap<>();
        tags.put("project", "p" + random.nextInt(4));
        if (team != null) {
            tags.put("team", team);
        }
        BigDecimal quantity = category.equals("Usage") ? BigDecimal.ONE : BigDecimal.ZERO;
        return new FocusCharge(euro ? "ba-200" : "ba-100", euro ? "Europe" : "Main", euro ? "EUR" : "USD", category,
                frequency, category + " " + id, start, start.plus(1, ChronoUnit.DAYS), billed, effective, billed,
                quantity, "Hours", pricing, s[0], s[2], "r-" + Math.floorMod(id, 500), s[3], s[1], "sku-" + s[3],
                "sub-" + (team == null ? "shared" : team), FocusCharge.tags(tags));
    }

    private static FocusCharge withDay(FocusCharge c, int day) {
        Instant start = MONTH.plus(day, ChronoUnit.DAYS);
        return new FocusCharge(c.billingAccountId(), c.billingAccountName(), c.currency(), c.chargeCategory(),
                c.chargeFrequency(), c.description(), start, start.plus(1, ChronoUnit.DAYS), c.billed(),
                c.effective(), c.list(), c.quantity(), c.unit(), c.pricingCategory(), c.provider(), c.region(),
                c.resourceId(), c.serviceCategory(), c.serviceName(), c.sku(), c.subAccountId(), c.tags());
    }
}
