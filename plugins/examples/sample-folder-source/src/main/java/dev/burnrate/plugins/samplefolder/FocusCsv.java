package dev.burnrate.plugins.samplefolder;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.UsageSourceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FOCUS CSV rows as {@link UsageRecord}s: the columns a record carries are read by their FOCUS names, in any order;
 * other columns are ignored. ChargePeriodStart, ChargePeriodEnd, BilledCost and BillingCurrency are required;
 * EffectiveCost, ListCost and ContractedCost default to BilledCost. Every problem names the file, line and column.
 */
final class FocusCsv {
    private static final List<String> REQUIRED = List.of("ChargePeriodStart", "ChargePeriodEnd", "BilledCost",
            "BillingCurrency");

    private FocusCsv() {
    }

    static List<UsageRecord> parse(String file, String text) throws UsageSourceException {
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.parse(file, text);
        } catch (CsvRows.CsvException e) {
            throw new UsageSourceException(e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new UsageSourceException(file + ": the file is empty (a FOCUS CSV starts with a header line)");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.getFirst().cells();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null) {
                columns.put(header.get(i).trim(), i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UsageSourceException(file + " line 1: the header lacks the FOCUS column(s) "
                    + String.join(", ", missing));
        }
        List<UsageRecord> records = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            records.add(new Line(file, row, columns).record());
        }
        return records;
    }

    /** One data line being read, for messages that say where. */
    private record Line(String file, CsvRows.Row row, Map<String, Integer> columns) {

        UsageRecord record() throws UsageSourceException {
            double billed = number("BilledCost", null);
            double effective = number("EffectiveCost", billed);
            Instant start = time("ChargePeriodStart");
            Instant end = time("ChargePeriodEnd");
            if (!start.isBefore(end)) {
                throw problem("ChargePeriodEnd", "must be after ChargePeriodStart");
            }
            try {
                return new UsageRecord(text("BillingAccountId"), text("SubAccountId"), start, end,
                        text("ChargeCategory"), text("ChargeDescription"), text("PricingCategory"), billed, effective,
                        number("ListCost", billed), number("ContractedCost", effective), required("BillingCurrency"),
                        number("ConsumedQuantity", 0.0), text("ConsumedUnit"), number("PricingQuantity", 0.0),
                        text("PricingUnit"), text("ProviderName"), text("ServiceName"), text("ServiceCategory"),
                        text("RegionId"), text("ResourceId"), text("ResourceName"), text("ResourceType"),
                        text("SkuId"), tags());
            } catch (IllegalArgumentException e) {
                throw new UsageSourceException(file + " line " + row.line() + ": " + e.getMessage());
            }
        }

        private String text(String column) {
            Integer i = columns.get(column);
            return i == null || i >= row.cells().size() ? null : row.cells().get(i);
        }

        private String required(String column) throws UsageSourceException {
            String v = text(column);
            if (v == null || v.isBlank()) {
                throw problem(column, "is required");
            }
            return v.trim();
        }

        private double number(String column, Double fallback) throws UsageSourceException {
            String v = text(column);
            if (v == null || v.isBlank()) {
                if (fallback == null) {
                    throw problem(column, "is required");
                }
                return fallback;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw problem(column, "'" + v + "' is not a number");
            }
        }

        /** ISO instants, or UTC date-times as exports write them ({@code 2024-09-18 22:00:00}), or dates. */
        private Instant time(String column) throws UsageSourceException {
            String v = required(column);
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDateTime) {
                    try {
                        return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException notDate) {
                        throw problem(column, "'" + v + "' is not a date-time");
                    }
                }
            }
        }

        private Map<String, String> tags() throws UsageSourceException {
            String v = text("Tags");
            if (v == null || v.isBlank()) {
                return Map.of();
            }
            try {
                return FlatJson.parseObject(v);
            } catch (IllegalArgumentException e) {
                throw problem("Tags", e.getMessage());
            }
        }

        private UsageSourceException problem(String column, String message) {
            return new UsageSourceException(file + " line " + row.line() + ", " + column + ": " + message);
        }
    }
}
