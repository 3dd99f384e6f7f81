package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The testkit's list of accelerator names is the built-in hardware catalogs' own (their specs.csv in this repo):
 * a model added there must be added to accelerator-names.txt, or authors would be told a valid name is unknown.
 */
class AcceleratorNamesInSyncTest {

    @Test
    void theListMatchesTheBuiltInHardwareCatalogs() throws IOException {
        List<List<String>> fromSpecs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(".."), 10)) {
            for (Path csv : files.filter(p -> p.getFileName().toString().equals("specs.csv"))
                    .filter(p -> p.toString().contains("hardware-") && p.toString().contains("src/main/resources"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
                    String[] fields = line.split(",", 4); // model, aliases and kind are never quoted
                    if (fields.length < 3 || fields[2].equals("CPU")) {
                        continue;
                    }
                    List<String> names = new ArrayList<>(List.of(fields[0]));
                    for (String alias : fields[1].split("\\|")) {
                        if (!alias.isBlank()) {
                            names.add(alias);
                        }
                    }
                    fromSpecs.add(names);
                }
            }
        }
        assertThat(fromSpecs).as("plugins/hardware-*/specs.csv found from " + Path.of("..").toAbsolutePath())
                .isNotEmpty();
        assertThat(AcceleratorNames.builtInModels()).as("plugins/testkit/src/main/resources/dev/burnrate/plugins/"
                + "testkit/accelerator-names.txt must list the hardware catalogs' models and aliases")
                .containsExactlyInAnyOrderElementsOf(fromSpecs);
    }

    @Test
    void namesMatchAnyCaseAndExtraNamesCount() {
        assertThat(AcceleratorNames.isKnown("h100-sxm", List.of())).isTrue();
        assertThat(AcceleratorNames.isKnown("Trillium", List.of())).isTrue();
        assertThat(AcceleratorNames.isKnown("H-100", List.of())).isFalse();
        assertThat(AcceleratorNames.isKnown("X9000", List.of("x9000"))).isTrue();
    }
}
