package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chargeback rule round-trips exactly (percents with 4 decimals) and stale edits change nothing. */
class ChargebackRuleRepositoryIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void savesLoadsAndRefusesStaleVersions(TestDatabase db) {
        ChargebackRuleRepository repository = new ChargebackRuleRepository(db.dsl());
        assertThat(repository.find()).isEqualTo(ChargebackRule.DEFAULT);

        TreeMap<String, BigDecimal> shares = new TreeMap<>(Map.of("vision", new BigDecimal("33.3333"),
                "search", new BigDecimal("66.6667")));
        ChargebackRule fixed = new ChargebackRule(SplitRule.FIXED, new TreeSet<>(Set.of("platform", "shared")),
                false, shares, 0);
        assertThat(repository.save(fixed, "finance", NOW)).isTrue();
        ChargebackRule loaded = repository.find();
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.split()).isEqualTo(SplitRule.FIXED);
        assertThat(loaded.sharedTeams()).containsExactly("platform", "shared");
        assertThat(loaded.splitUntagged()).isFalse();
        assertThat(loaded.fixedShares()).containsOnlyKeys("search", "vision");
        assertThat(loaded.fixedShares().get("vision")).isEqualByComparingTo("33.3333");

        assertThat(repository.save(fixed, "other", NOW)).as("a second first save").isFalse();
        ChargebackRule even = new ChargebackRule(SplitRule.EVEN, new TreeSet<>(), true, new TreeMap<>(), 1);
        assertThat(repository.save(even, "finance", NOW)).isTrue();
        assertThat(repository.save(even, "finance", NOW)).as("an edit of version 1 after version 2").isFalse();
        ChargebackRule now = repository.find();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.split()).isEqualTo(SplitRule.EVEN);
        assertThat(now.sharedTeams()).isEmpty();
        assertThat(now.fixedShares()).isEmpty();
    }
}
