package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.support.SandboxTestProvider;
import dev.burnrate.portal.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applying an uploaded catalog on H2 and PostgreSQL: the list and its audit entry are one transaction, so when the
 * audit fails no list is stored and the prices in effect stay as they were; when it succeeds the list is in effect.
 */
class CatalogUploadAtomicityIT {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aFailingAuditStoresNoListAndAGoodApplyPutsItInEffect(TestDatabase db) {
        var dsl = DSL.using(new TransactionAwareDataSourceProxy(db.dataSource()), db.dialect());
        PriceListRepository repository = new PriceListRepository(dsl);
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        PriceLists lists = new PriceLists(repository, clock);
        AuditService audit = mock(AuditService.class);
        CurrentUser user = mock(CurrentUser.class);
        when(user.requireUsername()).thenReturn("admin");
        PluginCatalogService catalog = mock(PluginCatalogService.class);
        SandboxTestProvider provider = new SandboxTestProvider(Clock.systemUTC());
        when(catalog.providers()).thenReturn(List.of(new ProviderSummary("provider-aws", "aws", "AWS", 4, 8)));
        when(catalog.provider("aws")).thenReturn(Optional.<CloudProvider>of(provider));
        CatalogUploadService service = new CatalogUploadService(catalog, repository, lists, audit, user,
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), clock, Duration.ofDays(30));
        var preview = service.preview("aws", "aws_vms.csv",
                CatalogUploadServiceTest.NEWER.getBytes(StandardCharsets.UTF_8));

        doThrow(new IllegalStateException("audit log unavailable")).when(audit)
                .record(eq("catalog.prices-uploaded"), anyString(), any(), any());
        assertThatThrownBy(() -> service.apply(preview)).hasMessage("audit log unavailable");
        assertThat(repository.all()).as("rolled back with the audit").isEmpty();
        assertThat(lists.offerings("aws", provider.offerings())).isEqualTo(provider.offerings());

        org.mockito.Mockito.reset(audit);
        StoredPriceList applied = service.apply(preview);
        assertThat(repository.all()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(applied.id());
            assertThat(l.offerings()).isEqualTo(preview.offerings());
        });
        assertThat(lists.offerings("aws", provider.offerings())).isEqualTo(preview.offerings());
    }
}
