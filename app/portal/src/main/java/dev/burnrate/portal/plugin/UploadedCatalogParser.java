package dev.burnrate.portal.plugin;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CatalogRow;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import dev.burnrate.plugins.support.csv.CsvFormatException;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an uploaded SkyPilot-format catalog CSV into a provider's complete offering list, read with the reader the
 * built-in provider plugins use. The file carries shapes and on-demand/spot prices only, so what it cannot say is
 * taken from the offerings in effect: the billing service, the spot interruption rate and the committed-use
 * discount (the same fraction off on-demand as before, for the same instance type; none for a type never seen).
 * Any problem fails the whole file with a message naming the file, the line and the column.
 */
final class UploadedCatalogParser {

    /** The offerings read and what was skipped (rows without an on-demand price, GCP accelerator attachments). */
    record Parsed(List<Offering> offerings, List<String> skipped) {
    }

    private UploadedCatalogParser() {
    }

    static Parsed parse(String providerId, String fileName, byte[] content, List<Region> regions,
                        List<Offering> current) {
        CatalogReport report = new CatalogReport(fileName);
        List<CatalogRow> rows;
        try {
            CsvTable table = CsvTable.read(fileName, new StringReader(utf8(fileName, content)));
            rows = new SkyPilotCatalogReader().read(table, report);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
        Map<String, Region> regionTable = regions.stream().collect(Collectors.toMap(Region::id, r -> r, (a, b) -> a));
        List<String> skipped = new ArrayList<>();
        List<PricedRow> priced = new ArrayList<>();
        for (CatalogRow row : rows) {
            if (!regionTable.containsKey(row.region())) {
                throw new IllegalArgumentException(fileName + ":" + row.line() + ": column Region '" + row.region()
                        + "' is not a region of provider '" + providerId + "'");
            }
            if (row.instanceType() == null) {
                skipped.add(fileName + ":" + row.line() + ": no InstanceType (an accelerator attachment), skipped");
                continue;
            }
            PricedRow p = PricedRow.of(row, row.acceleratorName(), report);
            if (p == null) {
                skipped.add(fileName + ":" + row.line() + ": no on-demand Price, skipped");
            } else {
                priced.add(p);
            }
        }
        if (priced.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no row with an instance type and an on-demand price");
        }
        Map<String, Offering> byKey = new HashMap<>();
        Map<String, Offering> byType = new HashMap<>();
        for (Offering o : current) {
            byKey.put(o.key(), o);
            byType.putIfAbsent(o.instanceType(), o);
        }
        String defaultService = current.isEmpty() ? providerId : current.get(0).serviceName();
        Function<PricedRow, String> service = row -> Optional.ofNullable(byType.get(row.instanceType()))
                .map(Offering::serviceName).orElse(defaultService);
        List<Offering> assembled = new OfferingAssembler(providerId, service, row -> null)
                .assemble(priced, regionTable, report);
        List<Offering> offerings = assembled.stream().map(o -> complete(o, byKey.get(o.key()),
                byType.get(o.instanceType()))).toList();
        return new Parsed(offerings, List.copyOf(skipped));
    }

    /** The offering with the committed discount and spot interruption rate of the one it replaces. */
    private static Offering complete(Offering read, Offering sameKey, Offering sameType) {
        Offering model = sameKey != null ? sameKey : sameType;
        if (model == null) {
            return read;
        }
        Prices was = model.prices();
        Prices now = read.prices();
        Prices prices = new Prices(now.onDemand(), now.spot(), scaled(was.committed1y(), was, now),
                scaled(was.committed3y(), was, now), was.committedSource(), now.currency());
        Double interruptions = sameKey != null ? sameKey.spotInterruptionsPerHour() : null;
        return new Offering(read.providerId(), read.instanceType(), read.regionId(), read.acceleratorName(),
                read.acceleratorCount(), read.vcpus(), read.memoryGib(), read.serviceName(), prices, interruptions);
    }

    private static Double scaled(Double committed, Prices was, Prices now) {
        if (committed == null || was.onDemand() <= 0) {
            return null;
        }
        return Math.round(now.onDemand() * committed / was.onDemand() * 100_000d) / 100_000d;
    }

    private static String utf8(String fileName, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(fileName + ": not a UTF-8 text file (a SkyPilot catalog CSV is)");
        }
    }
}
