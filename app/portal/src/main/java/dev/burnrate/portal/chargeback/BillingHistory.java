package dev.burnrate.portal.chargeback;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The demo's billing export: twelve full months of daily FOCUS rows ending with the last closed month, at the demo
 * teams' levels (EffectiveCost, USD, a month): ml-research 3,000, inference 12,000, platform 6,000, vision 9,000,
 * search 4,000. In the last closed month vision spends about 11,500 and search spikes to 8x its daily level on the
 * 15th. Inference's EC2 runs partly on a monthly commitment bought on the 1st (BilledCost up front, untagged, so
 * chargeback shares it) and amortised over its covered usage (EffectiveCost). Shared support and network rows carry
 * no team tag. A few credits and one refund. Deterministic: the same month writes the same rows.
 */
final class BillingHistory {

    static final BigDecimal COMMITMENT = new BigDecimal("3000.00");
    private static final BigDecimal SPIKE = new BigDecimal(8);

    /** One daily cost stream: a team's (or nobody's) spend on one service. */
    private record Stream(String team, String project, String costCenter, String provider, String service,
                          String serviceCategory, String region, String monthly, boolean committed) {
    }

    private static final String AWS = "Amazon Web Services";
    private static final String GCP = "Google Cloud";
    private static final List<Stream> STREAMS = List.of(
            new Stream("ml-research", "llm-pretrain", "research", AWS, "Amazon SageMaker", "AI and Machine Learning",
                    "us-west-2", "2100", false),
            new Stream("ml-research", "llm-pretrain", "research", AWS, "Amazon Simple Storage Service", "Storage",
                    "us-west-2", "900", false),
            new Stream("inference", "serving", "product", AWS, "Amazon Elastic Compute Cloud", "Compute",
                    "us-east-1", "3000", true),
            new Stream("inference", "serving", "product", AWS, "Amazon Elastic Compute Cloud", "Compute",
                    "us-east-1", "5000", false),
            new Stream("inference", "serving", "product", GCP, "Vertex AI", "AI and Machine Learning",
                    "us-central1", "4000", false),
            new Stream("platform", "k8s-platform", "shared", AWS, "Amazon Elastic Compute Cloud", "Compute",
                    "eu-west-1", "3000", false),
            new Stream("platform", "k8s-platform", "shared", GCP, "Compute Engine", "Compute", "europe-west4",
                    "2000", false),
            new Stream("platform", "k8s-platform", "shared", AWS, "Amazon Simple Storage Service", "Storage",
                    "eu-west-1", "1000", false),
            new Stream("vision", "image-models", "research", GCP, "Compute Engine", "Compute", "us-central1",
                    "6000", false),
            new Stream("vision", "image-models", "research", GCP, "Cloud Storage", "Storage", "us-central1",
                    "3000", false),
            new Stream("search", "ranking", "product", AWS, "Amazon Elastic Compute Cloud", "Compute", "us-east-1",
                    "2500", false),
            new Stream("search", "ranking", "product", AWS, "Amazon OpenSearch Service", "Databases", "us-east-1",
                    "1500", false),
            new Stream(null, null, "shared", AWS, "AWS Support (Business)", "Management and Governance",
                    "us-east-1", "360", false),
            new Stream(null, null, "shared", AWS, "AWS Data Transfer", "Networking", "us-east-1", "240", false));

    private BillingHistory() {
    }

    /** Writes the twelve months before {@code current} (the month now) and returns the number of rows. */
    static long write(Writer out, YearMonth current) throws IOException {
        FocusCsv csv = new FocusCsv(out);
        YearMonth last = current.minusMonths(1);
        long rows = 0;
        for (YearMonth month = current.minusMonths(12); month.isBefore(current); month = month.plusMonths(1)) {
            rows += writeMonth(csv, month, month.equals(last), current.minusMonths(12));
        }
        return rows;
    }

    private static long writeMonth(FocusCsv csv, YearMonth month, boolean lastClosed, YearMonth first)
            throws IOException {
        long rows = 0;
        int days = month.lengthOfMonth();
        csv.write(charge(null, null, "shared", AWS, "Savings Plans for AWS Compute usage", "Compute", "us-east-1",
                "Purchase", "Recurring", "Standard", month.atDay(1), COMMITMENT, BigDecimal.ZERO.setScale(2)));
        rows++;
        for (Stream s : STREAMS) {
            BigDecimal monthly = new BigDecimal(s.monthly());
            if (lastClosed && "vision".equals(s.team())) {
                monthly = monthly.multiply(new BigDecimal("11500")).divide(new BigDecimal("9000"), 6,
                        RoundingMode.HALF_EVEN);
            }
            double[] weights = weights(s, month, days, lastClosed);
            double sum = sum(weights);
            if (lastClosed && "search".equals(s.team())) {
                // the other days keep their usual level: the spike comes on top of the month's normal spend
                monthly = monthly.multiply(BigDecimal.valueOf(sum / sum(weights(s, month, days, false))));
            }
            for (int d = 1; d <= days; d++) {
                BigDecimal amount = monthly.multiply(BigDecimal.valueOf(weights[d - 1] / sum))
                        .setScale(6, RoundingMode.HALF_EVEN);
                BigDecimal billed = s.committed() ? BigDecimal.ZERO.setScale(6) : amount;
                csv.write(charge(s, "Usage", "Usage-Based", s.committed() ? "Committed" : "Standard",
                        month.atDay(d), billed, amount));
                rows++;
            }
        }
        for (var credit : adjustments(month, first).entrySet()) {
            csv.write(credit.getValue());
            rows++;
        }
        return rows;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** Day weights: a weekly rhythm and a little deterministic noise; search's spike day in the last month. */
    private static double[] weights(Stream s, YearMonth month, int days, boolean lastClosed) {
        double[] w = new double[days];
        for (int d = 1; d <= days; d++) {
            LocalDate day = month.atDay(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            int h = (s.service() + s.region() + day).hashCode();
            w[d - 1] = (weekend ? 0.85 : 1.05) * (0.95 + (Math.floorMod(h, 1000) / 10_000.0));
        }
        if (lastClosed && "search".equals(s.team())) {
            // the anomaly: one day at about 8x the usual daily level, on top of the month's normal spend
            double usual = 0;
            for (double x : w) {
                usual += x;
            }
            usual /= days;
            w[14] += usual * (SPIKE.doubleValue() - 1);
        }
        return w;
    }

    private static Map<String, FocusCharge> adjustments(YearMonth month, YearMonth first) {
        Map<String, FocusCharge> out = new java.util.LinkedHashMap<>();
        long offset = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        if (offset == 5) {
            out.put("vision-credit", credit("vision", "image-models", "research", GCP, "Compute Engine",
                    "us-central1", month.atDay(10), "-200.00", "Credit"));
        }
        if (offset == 8) {
            out.put("platform-refund", credit("platform", "k8s-platform", "shared", AWS,
                    "Amazon Elastic Compute Cloud", "eu-west-1", month.atDay(20), "-320.00", "Adjustment"));
        }
        if (offset == 9) {
            out.put("search-credit", credit("search", "ranking", "product", AWS, "Amazon OpenSearch Service",
                    "us-east-1", month.atDay(5), "-150.00", "Credit"));
        }
        if (offset == 10) {
            out.put("ml-credit", credit("ml-research", "llm-pretrain", "research", AWS, "Amazon SageMaker",
                    "us-west-2", month.atDay(3), "-100.00", "Credit"));
        }
        return out;
    }

    private static FocusCharge credit(String team, String project, String costCenter, String provider,
                                      String service, String region, LocalDate day, String amount, String category) {
        BigDecimal a = new BigDecimal(amount);
        return charge(team, project, costCenter, provider, service, "Compute", region, category, "One-Time",
                "Standard", day, a, a);
    }

    private static FocusCharge charge(Stream s, String category, String frequency, String pricing, LocalDate day,
                                      BigDecimal billed, BigDecimal effective) {
        return charge(s.team(), s.project(), s.costCenter(), s.provider(), s.service(), s.serviceCategory(),
                s.region(), category, frequency, pricing, day, billed, effective);
    }

    private static FocusCharge charge(String team, String project, String costCenter, String provider,
                                      String service, String serviceCategory, String region, String category,
                                      String frequency, String pricing, LocalDate day, BigDecimal billed,
                                      BigDecimal effective) {
        boolean aws = provider.equals(AWS);
        Map<String, String> tags = new java.util.TreeMap<>();
        tags.put("cost-center", costCenter);
        if (team != null) {
            tags.put("team", team);
            tags.put("project", project);
        }
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal list = effective.signum() > 0 ? effective.multiply(new BigDecimal("1.15"))
                .setScale(6, RoundingMode.HALF_EVEN) : billed;
        String slug = service.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new FocusCharge(aws ? "ba-aws-1000" : "ba-gcp-2000", aws ? "Acme AWS" : "Acme Google Cloud",
                "USD", category, frequency, service + " " + category.toLowerCase(java.util.Locale.ROOT),
                start, start.plusSeconds(86_400), billed, effective, list, BigDecimal.ONE, "Days", pricing, provider,
                region, slug + "-" + (team == null ? "shared" : team), serviceCategory, service, slug,
                (aws ? "aws-" : "gcp-") + (team == null ? "shared" : team), FocusCharge.tags(tags));
    }
}
