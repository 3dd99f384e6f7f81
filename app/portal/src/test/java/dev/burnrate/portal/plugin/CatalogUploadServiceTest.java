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
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** An uploaded catalog is read whole and compared before anything is stored; applying stores, audits, reloads. */
class CatalogUploadServiceTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    private static final String HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,"
            + "SpotPrice,Region,AvailabilityZone\n";
    /** The sandbox's offerings with p5 dearer in us-east-1, a new g6 there, and five offerings gone. */
    static final String NEWER = HEADER
            + "p5.48xlarge,H100,8,192,2048,,60.0,17.0252,us-east-1,us-east-1a\n"
            + "p5.48xlarge,H100,8,192,2048,,60.0,16.5,us-east-1,us-east-1b\n"
            + "p5.48xlarge,H100,8,192,2048,,58.8928,10.5722,eu-north-1,eu-north-1a\n"
            + "g6.xlarge,L4,1,4,16,,0.8048,,us-east-1,us-east-1a\n"
            + "c3.2xlarge,,0,8,15,,0.42,0.1729,us-east-1,us-east-1a\n"
            + "x9.large,,0,2,4,,,0.1,us-east-1,us-east-1a\n";

    private final PluginCatalogService catalog = mock(PluginCatalogService.class);
    private final PriceListRepository repository = mock(PriceListRepository.class);
    private final PriceLists lists = mock(PriceLists.class);
    private final AuditService audit = mock(AuditService.class);
    private final CurrentUser user = mock(CurrentUser.class);
    private final TransactionTemplate tx = mock(TransactionTemplate.class);
    private final SandboxTestProvider provider = new SandboxTestProvider(Clock.systemUTC());
    private final CatalogUploadService service = new CatalogUploadService(catalog, repository, lists, audit, user, tx,
            Clock.fixed(T, ZoneOffset.UTC), java.time.Duration.ofDays(30));

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wiring() {
        when(user.requireUsername()).thenReturn("admin");
        when(catalog.providers()).thenReturn(List.of(new ProviderSummary("provider-aws", "aws", "AWS", 4, 8)));
        when(catalog.provider("aws")).thenReturn(Optional.<CloudProvider>of(provider));
        when(lists.offerings(eq("aws"), any())).thenAnswer(call -> call.getArgument(1));
        when(lists.inEffect("aws")).thenReturn(Optional.empty());
        when(tx.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0))
                .doInTransaction(null));
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePreviewShowsNewRemovedAndChangedPricesAndStoresNothing() {
        var preview = service.preview("aws", "aws_vms.csv", csv(NEWER));

        PriceListDiff diff = preview.diff();
        assertThat(diff.added()).extracting(Offering::key).containsExactly("aws/us-east-1/g6.xlarge");
        assertThat(diff.removed()).extracting(Offering::key).containsExactlyInAnyOrder(
                "aws/eu-north-1/g5.12xlarge", "aws/eu-central-1/g5.12xlarge", "aws/us-east-1/g5.12xlarge",
                "aws/eu-west-2/p5.48xlarge", "aws/eu-central-1/c3.2xlarge");
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.after().key()).isEqualTo("aws/us-east-1/p5.48xlarge");
            assertThat(c.before().prices().onDemand()).isEqualTo(55.04);
            assertThat(c.after().prices().onDemand()).isEqualTo(60.0);
            assertThat(c.after().prices().spot()).isEqualTo(16.5); // the cheapest zone, as the plugins do
        });
        assertThat(diff.unchanged()).isEqualTo(2);
        assertThat(diff.summary()).isEqualTo("1 new, 5 removed, 1 changed prices, 2 unchanged");
        assertThat(preview.skipped()).containsExactly("aws_vms.csv:7: no on-demand Price, skipped");
        assertThat(preview.offerings()).filteredOn(o -> o.instanceType().equals("g6.xlarge")).singleElement()
                .satisfies(o -> {
                    assertThat(o.acceleratorName()).isEqualTo("L4");
                    assertThat(o.serviceName()).isEqualTo("Amazon Elastic Compute Cloud");
                });
        verify(repository, never()).insert(anyString(), anyString(), any(), anyString(), any(), anyString(), any());
        verify(audit, never()).record(anyString(), anyString(), any(), any());
    }

    @Test
    void aBadFileIsRefusedNamingFileLineAndColumnAndNothingIsStored() {
        assertThatThrownBy(() -> service.preview("aws", "new.csv", csv(HEADER
                + "c3.2xlarge,,0,8,15,,0.42,0.1729,us-east-1,us-east-1a\n"
                + "c3.2xlarge,,0,8,15,,cheap,0.1729,us-east-1,us-east-1b\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("new.csv:3: column Price is not a number: 'cheap'");
        assertThatThrownBy(() -> service.preview("aws", "new.csv", csv(HEADER
                + "c3.2xlarge,,0,8,15,,0.42,0.1729,mars-1,mars-1a\n")))
                .hasMessage("new.csv:2: column Region 'mars-1' is not a region of provider 'aws'");
        assertThatThrownBy(() -> service.preview("aws", "new.csv", csv("InstanceType,Price\nc3.2xlarge,0.42\n")))
                .hasMessageStartingWith("new.csv:1: required column 'AcceleratorName' is missing");
        assertThatThrownBy(() -> service.preview("aws", "new.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                .hasMessageContaining("new.csv: not a UTF-8 text file");
        verify(repository, never()).insert(anyString(), anyString(), any(), anyString(), any(), anyString(), any());
        verify(audit, never()).record(anyString(), anyString(), any(), any());
        verify(lists, never()).reload();
    }

    @Test
    void applyingStoresTheListAuditedAndPutsItInEffect() {
        var preview = service.preview("aws", "aws_vms.csv", csv(NEWER));
        StoredPriceList stored = new StoredPriceList(9, "aws", "provider-aws", T, "uploaded", preview.offerings(),
                "admin", T);
        when(repository.insert(eq("aws"), eq("provider-aws"), eq(T), anyString(), eq(preview.offerings()),
                eq("admin"), eq(T))).thenReturn(stored);

        assertThat(service.apply(preview)).isSameAs(stored);

        verify(repository).insert(eq("aws"), eq("provider-aws"), eq(T),
                eq("uploaded aws_vms.csv (sha256 " + preview.sha256().substring(0, 12) + ")"), any(), eq("admin"),
                eq(T));
        verify(audit).record(eq("catalog.prices-uploaded"), eq("provider:aws"), any(), any());
        verify(lists).reload();
    }

    @Test
    void aPreviewOvertakenByAnotherListIsNotApplied() {
        var preview = service.preview("aws", "aws_vms.csv", csv(NEWER));
        when(lists.inEffect("aws")).thenReturn(Optional.of(new StoredPriceList(3, "aws", "provider-aws", T, "other",
                provider.offerings(), "someone", T)));

        assertThatThrownBy(() -> service.apply(preview)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed since aws_vms.csv was compared with them");
        verify(repository, never()).insert(anyString(), anyString(), any(), anyString(), any(), anyString(), any());
        verify(audit, never()).record(anyString(), anyString(), any(), any());
    }

    @Test
    void pricesOlderThanTheConfiguredAgeAreStale() {
        assertThat(service.isStale(T.minus(java.time.Duration.ofDays(31)))).isTrue();
        assertThat(service.isStale(T.minus(java.time.Duration.ofDays(29)))).isFalse();
        assertThat(service.staleAfter()).isEqualTo(java.time.Duration.ofDays(30));
    }
}
