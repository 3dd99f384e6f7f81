package dev.burnrate.engine.usage;

import dev.burnrate.engine.usage.synth.GeneratorSpec;
import dev.burnrate.engine.usage.synth.SkuSpec;
import dev.burnrate.engine.usage.synth.SyntheticFocusGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Small seeded synthetic datasets for tests. */
final class SyntheticData {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private SyntheticData() {
    }

    static GeneratorSpec spec(int resources, int days) {
        return new GeneratorSpec(42, START, days, resources, GeneratorSpec.DEFAULT_TEAMS, SkuSpec.defaults(), 2);
    }

    static SyntheticFocusGenerator write(GeneratorSpec spec, Path file) throws IOException {
        SyntheticFocusGenerator g = new SyntheticFocusGenerator(spec);
        try (OutputStream out = Files.newOutputStream(file)) {
            g.writeCsv(out);
        }
        return g;
    }
}
