package dev.burnrate.portal.usage;

import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage services were one class; split, every public method must keep the access rule it had there. The table
 * is that class's annotations: a method added without a rule, or with another one, fails here.
 */
class UsageServicesAuthorisationTest {

    private static final String ANYONE = "signed in";
    private static final String MANAGERS = Role.Names.ADMIN + "," + Role.Names.FINANCE;

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("UsageDatasetService.datasets", ANYONE),
            Map.entry("UsageDatasetService.versions", ANYONE),
            Map.entry("UsageDatasetService.latest", ANYONE),
            Map.entry("UsageDatasetService.budgetDatasets", ANYONE),
            Map.entry("UsageDatasetService.totalsByCurrency", ANYONE),
            Map.entry("UsageDatasetService.createDataset", MANAGERS),
            Map.entry("UsageDatasetService.setCountsTowardBudgets", MANAGERS),
            Map.entry("UsageImportService.importFile", MANAGERS),
            Map.entry("UsageImportService.checkMayImport", MANAGERS),
            Map.entry("UsageImportService.appendUsage", Role.Names.ADMIN),
            Map.entry("UsageImportService.appendOrCreate", Role.Names.ADMIN),
            Map.entry("UsageQueryService.explore", ANYONE),
            Map.entry("UsageQueryService.values", ANYONE),
            Map.entry("UsageQueryService.tagKeys", ANYONE),
            Map.entry("UsageQueryService.spendByTag", ANYONE),
            Map.entry("UsageQueryService.spendByTeam", ANYONE),
            Map.entry("UsageQueryService.latestVersionKey", ANYONE),
            Map.entry("UsageQueryService.dailySpendByTagAndCurrency", ANYONE),
            Map.entry("UsageQueryService.totalsByCurrency", ANYONE),
            Map.entry("UsageTierService.moveTier", MANAGERS),
            Map.entry("UsageTierService.applyTierRule", MANAGERS),
            Map.entry("UsageExportService.writeVersion", MANAGERS),
            Map.entry("UsageExportService.writeQuarantine", MANAGERS));

    @Test
    void everyPublicMethodKeepsItsAccessRule() {
        Map<String, String> actual = new TreeMap<>();
        Stream.of(UsageDatasetService.class, UsageImportService.class, UsageQueryService.class,
                        UsageTierService.class, UsageExportService.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .forEach(m -> {
                    String rule = rule(m);
                    String previous = actual.put(m.getDeclaringClass().getSimpleName() + "." + m.getName(), rule);
                    assertThat(previous).as("overloads of %s share one rule", m).isIn(null, rule);
                });

        assertThat(actual).isEqualTo(new TreeMap<>(RULES));
    }

    private static String rule(Method m) {
        RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return Arrays.stream(roles.value()).sorted().collect(Collectors.joining(","));
        }
        return m.isAnnotationPresent(PermitAll.class) ? ANYONE : "no rule";
    }
}
