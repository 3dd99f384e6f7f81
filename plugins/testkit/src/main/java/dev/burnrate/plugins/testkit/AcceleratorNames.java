package dev.burnrate.plugins.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accelerator names the portal's built-in hardware catalogs know: each model with its aliases, matched without
 * regard to case as the portal matches them. An offering whose {@code acceleratorName} is none of these gets no
 * hardware spec in the portal (no model, no PFLOP price, skipped by simulations) unless a hardware plugin that knows
 * the name is installed; the admin page reports such offerings at install. Since API 1.3.0.
 */
public final class AcceleratorNames {
    private static final String RESOURCE = "accelerator-names.txt";
    private static final List<List<String>> MODELS = load();

    private AcceleratorNames() {
    }

    /** Each built-in model with its aliases, model first, in the catalogs' order. */
    public static List<List<String>> builtInModels() {
        return MODELS;
    }

    /** Whether a built-in catalog knows the name (a model or an alias, any case), or it is one of {@code extra}. */
    public static boolean isKnown(String name, Collection<String> extra) {
        if (name == null) {
            return false;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return MODELS.stream().flatMap(List::stream).anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted))
                || extra.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** The built-in models' names alone, sorted, for messages. */
    public static Set<String> builtInModelNames() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        MODELS.forEach(m -> names.add(m.get(0)));
        return names;
    }

    private static List<List<String>> load() {
        try (InputStream in = AcceleratorNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the testkit jar");
            }
            List<List<String>> models = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    models.add(List.of(line.trim().split("\\|")));
                }
            }
            return List.copyOf(models);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
