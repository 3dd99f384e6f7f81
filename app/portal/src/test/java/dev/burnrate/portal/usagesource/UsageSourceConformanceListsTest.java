package dev.burnrate.portal.usagesource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.usage.schema.FocusColumns;
import dev.burnrate.plugins.testkit.UsageSourceConformance;
import org.junit.jupiter.api.Test;

/**
 * The testkit's usage source checks use the import's own FOCUS allowed values (the testkit sees only the API, so it
 * keeps a copy): a change on one side fails here, not in a plugin author's refused import.
 */
class UsageSourceConformanceListsTest {

    @Test
    void allowedValuesMatchTheImportsFocusSchema() {
        assertThat(UsageSourceConformance.CHARGE_CATEGORIES).isEqualTo(FocusColumns.CHARGE_CATEGORY);
        assertThat(UsageSourceConformance.PRICING_CATEGORIES).isEqualTo(FocusColumns.PRICING_CATEGORY);
        assertThat(UsageSourceConformance.SERVICE_CATEGORIES).isEqualTo(FocusColumns.SERVICE_CATEGORY);
    }
}
