package dev.burnrate.portal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Released migrations are immutable: every file listed in {@code db/released-migrations.sha256} (the committed
 * manifest) must still be in {@code sql/} under the same name with the same bytes. New migrations are allowed, but
 * only after the newest released version (Flyway would refuse one slotted in between on an upgraded database).
 */
class ReleasedMigrationsTest {

    private static final Path SQL = Paths.get("..", "..", "sql");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

    static Map<String, String> manifest() throws IOException {
        Map<String, String> released = new LinkedHashMap<>();
        try (InputStream in = ReleasedMigrationsTest.class.getResourceAsStream("/db/released-migrations.sha256")) {
            assertThat(in).as("the manifest of released migrations").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+\\*?", 2);
                released.put(parts[1], parts[0]);
            }
        }
        return released;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static int version(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        assertThat(m.matches()).as("migration file name %s", fileName).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void everyReleasedMigrationIsUnchanged() throws Exception {
        Map<String, String> released = manifest();
        assertThat(released).as("V001 to V044 were released").containsKeys("V001__foundation.sql",
                "V044__budget_usage.sql");
        for (var entry : released.entrySet()) {
            Path file = SQL.resolve(entry.getKey());
            assertThat(file).as("released migration %s was deleted or renamed; add a new migration instead",
                    entry.getKey()).exists();
            assertThat(sha256(file)).as("released migration %s was edited; restore it and put the change in a new"
                    + " migration", entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void newMigrationsComeAfterTheNewestReleasedOne() throws Exception {
        Map<String, String> released = manifest();
        int newestReleased = released.keySet().stream().mapToInt(ReleasedMigrationsTest::version).max().orElseThrow();
        List<String> unreleased;
        try (Stream<Path> files = Files.list(SQL)) {
            unreleased = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .filter(n -> !released.containsKey(n)).toList();
        }
        assertThat(unreleased).as("unreleased migrations numbered at or below V%03d", newestReleased)
                .allSatisfy(name -> assertThat(version(name)).isGreaterThan(newestReleased));
    }
}
