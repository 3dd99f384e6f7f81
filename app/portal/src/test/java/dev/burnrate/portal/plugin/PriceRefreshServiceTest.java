package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.Prices;
import dev.burnrate.engine.plugin.PluginCallException;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** A refreshed price list is checked whole before anything is stored; a good one is stored, audited, applied. */
class PriceRefreshServiceTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    private final PluginCatalogService catalog = mock(PluginCatalogService.class);
    private final PriceListRepository repository = mock(PriceListRepository.class);
    private final PriceLists lists = mock(PriceLists.class);
    private final AuditService audit = mock(AuditService.class);
    private final CurrentUser user = mock(CurrentUser.class);
    private final TransactionTemplate tx = mock(TransactionTemplate.class);
    private final Answering provider = new Answering();
    private final PriceRefreshService service = new PriceRefreshService(catalog, repository, lists, audit, user, tx,
            Clock.fixed(T, ZoneOffset.UTC));

    /** The sandbox cloud with a refresh answer of the test's choosing. */
    private static final class Answering extends SandboxTestProvider {
        Optional<PriceList> answer = Optional.empty();
        RuntimeException failure;

        Answering() {
            super(Clock.systemUTC());
        }

        @Override
        public Optional<PriceList> refreshPrices() {
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wiring() {
        when(user.requireUsername()).thenReturn("admin");
        when(catalog.providers()).thenReturn(List.of(new ProviderSummary("provider-aws", "aws", "AWS", 4, 8)));
        when(catalog.provider("aws")).thenReturn(Optional.<CloudProvider>of(provider));
        when(tx.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0))
                .doInTransaction(null));
    }

    private static Offering offering(String provider, String region, double price) {
        return new Offering(provider, "c3.2xlarge", region, null, 0, 8, 15, "Compute",
                new Prices(price, null, null, null, null));
    }

    @Test
    void aListWithForeignOfferingsOrUnknownRegionsIsRefusedAndNothingIsStored() {
        provider.answer = Optional.of(new PriceList(T, List.of(offering("aws", "us-east-1", 0.4),
                offering("gcp", "us-east-1", 0.3), offering("aws", "mars-1", 0.2)), "test"));

        assertThatThrownBy(() -> service.refresh("aws"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The price list of AWS was not applied")
                .hasMessageContaining("gcp/us-east-1/c3.2xlarge belongs to provider 'gcp'")
                .hasMessageContaining("aws/mars-1/c3.2xlarge is in region 'mars-1', which AWS does not list");
        verify(repository, never()).insert(anyString(), anyString(), any(), anyString(), any(), anyString(), any());
        verify(audit, never()).record(anyString(), anyString(), any(), any());
        verify(lists, never()).reload();
    }

    @Test
    void aGoodListIsStoredAuditedAndThenPutInEffect() {
        List<Offering> offerings = List.of(offering("aws", "us-east-1", 0.4));
        provider.answer = Optional.of(new PriceList(T, offerings, "AWS price list API"));
        StoredPriceList stored = new StoredPriceList(7, "aws", "provider-aws", T, "AWS price list API", offerings,
                "admin", T);
        when(repository.insert("aws", "provider-aws", T, "AWS price list API", offerings, "admin", T))
                .thenReturn(stored);

        var outcome = service.refresh("aws");

        assertThat(outcome.applied()).contains(stored);
        assertThat(outcome.message()).isEqualTo("AWS: 1 offerings, prices effective from 2026-12-07 12:00 UTC");
        verify(audit).record(eq("catalog.prices-refreshed"), eq("provider:aws"), any(), any());
        verify(lists).reload();
    }

    @Test
    void nothingNewerAndAFailingPluginChangeNothing() {
        assertThat(service.refresh("aws").message()).isEqualTo("AWS has no newer prices");
        provider.failure = new PluginCallException("provider-aws", "provider-aws timed out on refreshPrices", null);
        assertThatThrownBy(() -> service.refresh("aws")).hasMessage(
                "Refreshing the prices of AWS failed: provider-aws timed out on refreshPrices");
        verify(lists, never()).reload();
    }
}
