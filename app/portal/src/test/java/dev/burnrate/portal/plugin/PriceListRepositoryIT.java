package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applied price lists (V099) on H2 and PostgreSQL: every field of every offering reads back as written (nulls,
 * currency, interruption rate included), and the list in effect is the newest one whose date has passed, a later
 * one waiting until its date.
 */
class PriceListRepositoryIT {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private static final Offering GPU = new Offering("sample-cloud", "sample.gpu-h100", "sample-eu-ams", "H100", 1,
            24, 200, "Sample Compute", new Prices(2.241, 1.2, 1.5687, null, "sample list", "EUR"),
            Offering.interruptionsPerHourFromMonthlyShare(0.1));
    private static final Offering CPU = new Offering("sample-cloud", "sample.small", "sample-eu-ams", null, 0, 2, 8,
            "Sample Compute", new Prices(0.045, null, null, null, null));

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void offeringsRoundTripAndTheNewestListInEffectWins(TestDatabase db) {
        PriceListRepository repository = new PriceListRepository(db.dsl());
        StoredPriceList december = repository.insert("sample-cloud", "sample-provider", T, "list of December",
                List.of(GPU, CPU), "admin", T.plusSeconds(5));
        repository.insert("sample-cloud", "sample-provider", T.plusSeconds(86_400 * 31), "list of January",
                List.of(CPU), "admin", T.plusSeconds(10));

        List<StoredPriceList> all = repository.all();
        assertThat(all).hasSize(2);
        assertThat(all.getFirst()).isEqualTo(december);
        assertThat(all.getFirst().offerings()).containsExactly(GPU, CPU);

        PriceLists lists = new PriceLists(repository, Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(lists.inEffect("sample-cloud")).map(StoredPriceList::source).contains("list of December");
        assertThat(lists.pending("sample-cloud")).map(StoredPriceList::source).contains("list of January");
        assertThat(lists.offerings("sample-cloud", List.of())).containsExactly(GPU, CPU);
        assertThat(lists.offerings("aws", List.of(CPU))).as("other providers keep their own").containsExactly(CPU);

        PriceLists later = new PriceLists(repository, Clock.fixed(T.plusSeconds(86_400 * 40), ZoneOffset.UTC));
        assertThat(later.offerings("sample-cloud", List.of(GPU))).containsExactly(CPU);
        assertThat(later.pending("sample-cloud")).isEmpty();
    }
}
