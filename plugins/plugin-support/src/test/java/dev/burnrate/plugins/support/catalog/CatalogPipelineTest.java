package dev.burnrate.plugins.support.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CatalogPipelineTest {
    private static final String HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,"
            + "Region,AvailabilityZone,Price,SpotPrice\n";
    private static final Map<String, Region> REGIONS = Map.of("r1",
            new Region("r1", "Region one", "US", "US", new ComplianceFacts(false, true, true, true, true)));

    private static List<CatalogRow> read(String body, SkyPilotCatalogReader reader, CatalogReport report)
            throws IOException {
        return reader.read(CsvTable.read("t.csv", new StringReader(HEADER + body)), report);
    }

    @Test
    void dropsVerbatimDuplicatesAndPlaceholderPrices() throws IOException {
        CatalogReport report = new CatalogReport("t.csv");
        var reader = new SkyPilotCatalogReader(700.0, row -> row.acceleratorName() != null);
        List<CatalogRow> rows = read("""
                ,tpu-v6e-1,1,,,,r1,r1-a,700.0,700.0
                ,tpu-v6e-1,1,,,,r1,r1-a,700.0,700.0
                ,tpu-v6e-1,1,,,,r1,r1-b,2.7,700.0
                big,,,700,700,,r1,r1-a,700.0,
                """, reader, report);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).price()).isNull();
        assertThat(rows.get(1).price()).isEqualTo(2.7);
        assertThat(rows.get(1).spotPrice()).isNull();
        assertThat(rows.get(2).price()).as("700.0 is a real price outside the rows the placeholder applies to")
                .isEqualTo(700.0);
        assertThat(report.count(SkyPilotCatalogReader.DUPLICATE)).isEqualTo(1);
        assertThat(report.count(SkyPilotCatalogReader.PLACEHOLDER)).isEqualTo(3);
    }

    @Test
    void skipsAndNotesRowsOfferingAFractionOfOneAccelerator() throws IOException {
        CatalogReport report = new CatalogReport("all");
        List<CatalogRow> rows = read("""
                g6f.large,L4,0.125,2,8,,r1,r1-a,0.2,0.1
                g6.xlarge,L4,1.0,4,16,,r1,r1-a,0.8,0.3
                """, new SkyPilotCatalogReader(), report);
        assertThat(rows).extracting(CatalogRow::instanceType).containsExactly("g6.xlarge");
        assertThat(rows.get(0).acceleratorCount()).isEqualTo(1);
        assertThat(report.notes()).singleElement().satisfies(note -> {
            assertThat(note.kind()).isEqualTo(SkyPilotCatalogReader.FRACTIONAL);
            assertThat(note.location()).isEqualTo("all:2");
            assertThat(note.message()).contains("g6f.large", "0.125", "L4");
        });
        assertThat(report.summary()).startsWith("all: 2 rows read");
    }

    @Test
    void notesOfACatalogBuiltFromSeveralFilesNameTheFileAndLine() {
        CatalogReport report = new CatalogReport("a.csv + b.csv");
        int a = report.addFile("a.csv", 10);
        int b = report.addFile("b.csv", 5);
        report.note(a + 3, "k", "in a");
        report.note(b + 3, "k", "in b");
        assertThat(report.notes()).extracting(CatalogReport.Note::location).containsExactly("a.csv:3", "b.csv:3");
    }

    @Test
    void collapsesZonesIntoOneRegionalOffering() throws IOException {
        CatalogReport report = new CatalogReport("t.csv");
        List<PricedRow> priced = read("""
                m5,,,4,16,,r1,r1-a,1.0,0.40
                m5,,,4,16,,r1,r1-b,1.0,0.30
                m5,,,4,16,,r1,r1-c,1.0,
                nospot,,,2,8,,r1,r1-a,0.5,
                hot,,,2,8,,r1,r1-a,0.5,0.6
                gone,,,2,8,,r1,r1-a,,0.1
                elsewhere,,,2,8,,r9,r9-a,0.5,0.1
                """, new SkyPilotCatalogReader(), report).stream()
                .map(row -> PricedRow.of(row, null, report)).filter(Objects::nonNull).toList();

        var terms = new CommitmentTerms(0.37, 0.55, "test levels");
        List<Offering> offerings = new OfferingAssembler("p", "Compute", terms).assemble(priced, REGIONS, report);

        assertThat(offerings).extracting(Offering::instanceType).containsExactly("hot", "m5", "nospot");
        Offering m5 = offerings.get(1);
        assertThat(m5.prices().onDemand()).isEqualTo(1.0);
        assertThat(m5.prices().spot()).as("cheapest zone").isEqualTo(0.30);
        assertThat(m5.prices().committed1y()).isCloseTo(0.63, within(1e-9));
        assertThat(m5.prices().committed3y()).isCloseTo(0.45, within(1e-9));
        assertThat(m5.prices().committedSource()).contains("derived", "37%", "55%", "test levels");
        assertThat(offerings.get(2).prices().spot()).isNull();
        assertThat(offerings.get(0).prices().spot()).isEqualTo(0.6);
        assertThat(report.count(OfferingAssembler.SPOT_NOT_CHEAPER)).isEqualTo(1);
        assertThat(report.count(PricedRow.NO_PRICE)).isEqualTo(1);
        assertThat(report.count(OfferingAssembler.UNKNOWN_REGION)).isEqualTo(1);
    }

    @Test
    void keepsTheHighestOnDemandWhenZonesDisagree() throws IOException {
        CatalogReport report = new CatalogReport("t.csv");
        List<PricedRow> priced = read("""
                m5,,,4,16,,r1,r1-a,1.0,
                m5,,,4,16,,r1,r1-b,1.2,
                """, new SkyPilotCatalogReader(), report).stream().map(row -> PricedRow.of(row, null, report)).toList();
        Offering m5 = new OfferingAssembler("p", "Compute", null).assemble(priced, REGIONS, report).get(0);
        assertThat(m5.prices().onDemand()).isEqualTo(1.2);
        assertThat(m5.prices().committed1y()).isNull();
        assertThat(report.count(OfferingAssembler.ZONES_DISAGREE)).isEqualTo(1);
    }
}
