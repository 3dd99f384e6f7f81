package dev.burnrate.engine.usage.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes seeded, realistic FOCUS 1.2 CSV: hourly rows for GPU and CPU instances of several providers, billing
 * accounts and teams (as the {@code team} tag), with weekly seasonality (development machines follow office
 * hours on weekdays, training runs less at weekends) and planted anomalies (a team's costs multiplied for a day).
 * Streams row by row, so it can write tens of millions of rows in constant memory. Randomness is counter-based
 * (seed, resource, hour), so every run of the same spec writes the same bytes.
 */
public final class SyntheticFocusGenerator {

    public static final String HEADER = "BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,"
            + "BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodStart,"
            + "ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ContractedCost,ConsumedQuantity,ConsumedUnit,"
            + "PricingQuantity,PricingUnit,PricingCategory,InvoiceIssuerName,ProviderName,PublisherName,RegionId,"
            + "ResourceId,ResourceName,ResourceType,ServiceCategory,ServiceName,SkuId,SubAccountId,SubAccountName,"
            + "Tags";

    private final GeneratorSpec spec;
    private final List<SyntheticResource> resources;
    private final List<PlantedAnomaly> anomalies;

    public SyntheticFocusGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.resources = ResourcePlanner.plan(spec);
        this.anomalies = plantAnomalies();
    }

    /** The anomalies this spec plants, to check detection against. */
    public List<PlantedAnomaly> anomalies() {
        return anomalies;
    }

    private List<PlantedAnomaly> plantAnomalies() {
        List<PlantedAnomaly> out = new ArrayList<>();
        for (int a = 0; a < spec.anomalies(); a++) {
            int day = 2 + (int) (Rng.unit(spec.seed(), 1_000_003 + a, 17) * Math.max(1, spec.days() - 3));
            String team = spec.teams().get((int) (Rng.unit(spec.seed(), 2_000_003 + a, 29) * spec.teams().size()));
            Instant from = spec.start().plusSeconds(day * 86_400L);
            out.add(new PlantedAnomaly(team, from, from.plusSeconds(86_400L), 4.0 + a));
        }
        return List.copyOf(out);
    }

    /** Writes the CSV (header and rows) and returns the number of rows. The caller closes the stream. */
    public long writeCsv(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER);
        w.write('\n');
        long rows = 0;
        StringBuilder line = new StringBuilder(1024);
        int hours = spec.days() * 24;
        for (int h = 0; h < hours; h++) {
            Instant hour = spec.start().plusSeconds(h * 3600L);
            ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
            String start = hour.toString();
            String end = hour.plusSeconds(3600).toString();
            ZonedDateTime month = t.withDayOfMonth(1).withHour(0);
            String period = month.toInstant() + "," + month.plusMonths(1).toInstant();
            boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
            for (SyntheticResource r : resources) {
                if (!active(r, h, t.getHour(), weekend)) {
                    continue;
                }
                double factor = factor(r.team(), hour);
                line.setLength(0);
                line.append(r.csvPrefix()).append(period).append(",Usage,,");
                line.append(r.sku().instanceType()).append(" hour,Usage-Based,").append(start).append(',').append(end);
                line.append(',').append(r.billed() * factor).append(',').append(r.effective() * factor);
                line.append(',').append(r.list() * factor).append(',').append(r.contracted() * factor);
                line.append(',').append(factor).append(",Hours,").append(factor).append(",Hours,");
                line.append(r.purchase().pricingCategory).append(r.csvSuffix()).append('\n');
                w.append(line);
                rows++;
            }
        }
        w.flush();
        return rows;
    }

    private boolean active(SyntheticResource r, int h, int hourOfDay, boolean weekend) {
        if (h < r.firstHour() || h >= r.lastHour()) {
            return false;
        }
        return switch (r.kind()) {
            case INFERENCE -> true;
            case DEV -> weekend ? Rng.unit(spec.seed(), r.id(), h) < 0.05 : hourOfDay >= 7 && hourOfDay < 21;
            case TRAINING -> Rng.unit(spec.seed(), r.id(), h / 24 + 7_919) < (weekend ? 0.35 : 0.8);
        };
    }

    private double factor(String team, Instant hour) {
        for (PlantedAnomaly a : anomalies) {
            if (a.team().equals(team) && !hour.isBefore(a.from()) && hour.isBefore(a.to())) {
                return a.factor();
            }
        }
        return 1.0;
    }
}
