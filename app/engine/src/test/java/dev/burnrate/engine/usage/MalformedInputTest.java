package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of broken input gets a clear error naming where, and leaves no version and no staging files. */
class MalformedInputTest extends AllocatorTestBase {

    private static final ImportOptions ACCEPT_CREDIT =
            ImportOptions.defaults().withSeverity(Rule.NON_NEGATIVE, Severity.WARNING);

    @ParameterizedTest
    @EnumSource(ValidationMode.class)
    void truncatedFile(ValidationMode mode) throws IOException {
        byte[] all = Files.readAllBytes(sample());
        Path cut = Files.write(temp.resolve("cut.csv"), Arrays.copyOf(all, all.length - 300));
        ImportResult r = rejected(cut, ACCEPT_CREDIT.withMode(mode), Rule.TRUNCATED);
        assertThat(r.report().fatal().orElseThrow().message()).contains("row 500").contains("truncated");
    }

    @Test
    void wrongTypeIsReportedWithRowColumnAndValue() throws IOException {
        List<String> lines = Files.readAllLines(sample());
        lines.set(7, lines.get(7).replaceFirst("^NULL,0\\.[0-9]+,", "NULL,twelve,"));
        Path bad = Files.write(temp.resolve("bad.csv"), lines);
        ImportResult r = importCsv("ds", bad, ACCEPT_CREDIT);
        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        ValidationIssue issue = r.report().errors().getFirst();
        assertThat(issue.row()).isEqualTo(7);
        assertThat(issue.line()).isEqualTo(8);
        assertThat(issue.column()).isEqualTo("BilledCost");
        assertThat(issue.value()).isEqualTo("twelve");
        assertThat(issue.rule()).isEqualTo(Rule.TYPE);
        assertNothingStored();
    }

    @Test
    void missingCoreColumnIsFatalEvenWhenLenient() throws IOException {
        Path csv = write("no-billed.csv", "ChargePeriodStart,ChargePeriodEnd,EffectiveCost\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1.0\n");
        ImportResult r = rejected(csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT), Rule.MISSING_COLUMN);
        assertThat(r.report().fatal().orElseThrow().column()).isEqualTo("BilledCost");
    }

    @Test
    void missingMandatoryColumnIsFatalInStrictMode() throws IOException {
        List<String> lines = Files.readAllLines(sample());
        Path csv = Files.write(temp.resolve("renamed.csv"),
                Stream.concat(Stream.of(lines.getFirst().replace("\"ProviderName\"", "\"Provider\"")),
                        lines.stream().skip(1)).toList());
        ImportResult r = rejected(csv, ACCEPT_CREDIT, Rule.MISSING_COLUMN);
        assertThat(r.report().fatal().orElseThrow().message()).contains("ProviderName");
    }

    @Test
    void lineLongerThanTheLimit() throws IOException {
        String header = "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,x_Note\n";
        Path csv = write("long.csv", header + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1,short\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1," + "x".repeat(5000) + "\n");
        ImportResult r = rejected(csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT).withLimits(1000, 100),
                Rule.LINE_TOO_LONG);
        assertThat(r.report().fatal().orElseThrow().message()).contains("line 3").contains("1000");
    }

    @Test
    void nonUtf8Byte() throws IOException {
        byte[] all = Files.readAllBytes(sample());
        String text = new String(all, StandardCharsets.UTF_8);
        int at = text.indexOf("SunBird", text.indexOf('\n', text.indexOf('\n') + 1));
        all[at] = (byte) 0xFF;
        Path csv = Files.write(temp.resolve("latin.csv"), all);
        ImportResult r = rejected(csv, ACCEPT_CREDIT, Rule.ENCODING);
        assertThat(r.report().fatal().orElseThrow().message()).contains("UTF-8").contains("line");
    }

    @Test
    void nonUtf8ByteOnLine50IsReportedAtItsExactLineAndColumn() throws IOException {
        List<String> lines = Files.readAllLines(sample());
        String line50 = lines.get(49);
        int at = line50.indexOf("SunBird");
        assertThat(at).isPositive();
        byte[] before = String.join("\n", lines.subList(0, 49)).concat("\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = line50.getBytes(StandardCharsets.UTF_8);
        bad[at + 3] = (byte) 0xC3; // a lead byte followed by 'B', not a continuation byte
        byte[] after = ("\n" + String.join("\n", lines.subList(50, lines.size())) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Path csv = temp.resolve("bad-utf8.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write(before);
            out.write(bad);
            out.write(after);
        }
        ValidationIssue fatal = rejected(csv, ACCEPT_CREDIT.withMode(ValidationMode.LENIENT), Rule.ENCODING)
                .report().fatal().orElseThrow();
        assertThat(fatal.line()).isEqualTo(50);
        assertThat(fatal.column()).isEqualTo("BillingAccountName");
        assertThat(fatal.message()).contains("line 50").contains("byte " + (at + 4) + " of the line")
                .doesNotContain("at or after");
    }

    @Test
    void fiftyMegabyteLineNamesTheLimitAndTheLine() throws IOException {
        Path csv = temp.resolve("huge.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write("ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,x_Note\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1,".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        ValidationIssue fatal = rejected(csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT),
                Rule.LINE_TOO_LONG).report().fatal().orElseThrow();
        assertThat(fatal.line()).isEqualTo(2);
        assertThat(fatal.message()).contains("line 2").contains(String.valueOf(ImportOptions.DEFAULT_MAX_LINE_LENGTH))
                .doesNotContain("IndexOutOfBounds");
    }

    @Test
    void distinctValueLimitIsStatedWithItsColumn() throws IOException {
        StringBuilder csv = new StringBuilder("ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,"
                + "ServiceName\n");
        for (int i = 0; i < 20; i++) {
            csv.append("2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1,svc").append(i).append('\n');
        }
        ValidationIssue fatal = rejected(write("many.csv", csv.toString()),
                ImportOptions.defaults().withMode(ValidationMode.LENIENT).withMaxDistinctValues(10),
                Rule.TOO_MANY_DISTINCT).report().fatal().orElseThrow();
        assertThat(fatal.message()).contains("ServiceName").contains("10");
        assertThat(fatal.line()).isEqualTo(12);
    }

    @Test
    void emptyFileAndHeaderOnlyFile() throws IOException {
        ImportResult empty = rejected(write("empty.csv", ""), ImportOptions.defaults(), Rule.EMPTY_FILE);
        assertThat(empty.report().fatal().orElseThrow().message()).contains("empty");
        ImportResult headerOnly = rejected(write("header.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,"
                + "EffectiveCost\n"), ImportOptions.defaults().withMode(ValidationMode.LENIENT), Rule.EMPTY_FILE);
        assertThat(headerOnly.report().fatal().orElseThrow().message()).contains("no data rows");
    }

    @Test
    void csvBombOfManyColumnsStopsAtTheLimit() throws IOException {
        Path csv = temp.resolve("bomb.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write("ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost".getBytes(StandardCharsets.US_ASCII));
            byte[] commas = new byte[1 << 20];
            Arrays.fill(commas, (byte) ',');
            for (int i = 0; i < 8; i++) {
                out.write(commas);
            }
            out.write('\n');
        }
        ImportResult r = rejected(csv, ImportOptions.defaults().withLimits(16 << 20, 512), Rule.TOO_MANY_COLUMNS);
        assertThat(r.report().fatal().orElseThrow().message()).contains("line 1").contains("512");
    }

    @Test
    void duplicateColumn() throws IOException {
        Path csv = write("dup.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,billedcost\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1,1\n");
        rejected(csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT), Rule.DUPLICATE_COLUMN);
    }

    @Test
    void periodEndingBeforeItStartsIsQuarantinedInLenientMode() throws IOException {
        Path csv = write("periods.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost\n"
                + "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,1,1\n"
                + "2024-01-01T05:00:00Z,2024-01-01T04:00:00Z,2,2\n");
        ImportResult r = importCsv("ds", csv, ImportOptions.defaults().withMode(ValidationMode.LENIENT));
        assertThat(r.status()).isEqualTo(ImportResult.Status.CREATED);
        assertThat(r.report().rowsQuarantined()).isEqualTo(1);
        assertThat(r.report().errors().getFirst().rule()).isEqualTo(Rule.PERIOD_ORDER);
        assertThat(r.report().errors().getFirst().row()).isEqualTo(2);
    }

    private ImportResult rejected(Path csv, ImportOptions options, Rule rule) throws IOException {
        ImportResult r = importCsv("ds", csv, options);
        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(r.report().fatal()).as(r.report().rejectionReason()).isPresent();
        assertThat(r.report().fatal().get().rule()).isEqualTo(rule);
        assertThat(r.report().rejectionReason()).isNotBlank();
        assertNothingStored();
        return r;
    }

    private void assertNothingStored() throws IOException {
        assertThat(store.versions("ds")).isEmpty();
        try (Stream<Path> s = Files.list(store.root())) {
            assertThat(s.toList()).as("a rejected first import leaves no dataset folder").isEmpty();
        }
    }
}
