package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Applied price lists replace a provider's offerings whole in the catalog, from their effective date on. */
class PriceListsTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    private static final Offering CHEAP_P5 = new Offering("aws", "p5.48xlarge", "us-east-1", "H100", 8, 192, 2048,
            "Amazon Elastic Compute Cloud", new Prices(40.0, 12.0, null, null, "catalog"));

    private static StoredPriceList list(long id, Instant effective) {
        return new StoredPriceList(id, "aws", "provider-aws", effective, "test list", List.of(CHEAP_P5), "admin", T);
    }

    @Test
    void aListInEffectReplacesTheProvidersOfferingsWholeAndAFutureOneWaits() {
        List<StoredPriceList> stored = new ArrayList<>();
        PriceLists lists = new PriceLists(() -> List.copyOf(stored), Clock.fixed(T, ZoneOffset.UTC));
        var provider = new PluginExtension<dev.burnrate.api.CloudProvider>("provider-aws",
                new SandboxTestProvider(Clock.systemUTC()));

        CatalogSnapshot before = CatalogSnapshot.build(1, List.of(provider), List.of(), lists::offerings,
                lists.state());
        assertThat(before.offerings()).hasSizeGreaterThan(1);

        stored.add(list(1, T.minusSeconds(60)));
        stored.add(list(2, T.plusSeconds(3600)));
        PriceLists.State old = lists.state();
        lists.reload();
        assertThat(lists.state()).as("an apply changes the state the catalog caches on").isNotEqualTo(old);
        CatalogSnapshot after = CatalogSnapshot.build(1, List.of(provider), List.of(), lists::offerings,
                lists.state());
        assertThat(after.offerings()).extracting(CatalogOffering::offering).containsExactly(CHEAP_P5);
        assertThat(lists.inEffect("aws")).map(StoredPriceList::id).contains(1L);
        assertThat(lists.pending("aws")).map(StoredPriceList::id).contains(2L);
        assertThat(lists.inEffect("gcp")).isEmpty();
    }

    @Test
    void theStateChangesWhenAPendingListsDateHasPassed() {
        List<StoredPriceList> stored = List.of(list(1, T.plusSeconds(60)));
        PriceLists now = new PriceLists(() -> stored, Clock.fixed(T, ZoneOffset.UTC));
        PriceLists later = new PriceLists(() -> stored, Clock.fixed(T.plusSeconds(61), ZoneOffset.UTC));
        assertThat(now.state()).isNotEqualTo(later.state());
        assertThat(now.offerings("aws", List.of())).isEmpty();
        assertThat(later.offerings("aws", List.of())).containsExactly(CHEAP_P5);
    }
}
