package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.burnrate.portal.db.Tables.PROVIDER_PRICE_LISTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.plugin.PluginCatalogService;
import dev.burnrate.portal.plugin.PriceListRepository;
import dev.burnrate.portal.plugin.PriceLists;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator uploads a newer SkyPilot-format catalog for AWS on /catalog, sees the diff (one new, one removed,
 * one changed price) and applies it; a broken file is refused naming its line and column and stores nothing. The
 * lists this test applies are removed afterwards so that other tests in the same portal see the plugin's prices.
 */
class CatalogUploadIT extends BrowserTestBase {

    private static final String HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,"
            + "SpotPrice,Region,AvailabilityZone\n";

    @Autowired
    PluginCatalogService catalog;
    @Autowired
    PriceLists lists;
    @Autowired
    AuditService audit;
    @Autowired
    DSLContext dsl;
    @Autowired
    PriceListRepository repository;

    @AfterEach
    void removeTheUploadedLists() {
        dsl.deleteFrom(PROVIDER_PRICE_LISTS).where(PROVIDER_PRICE_LISTS.SOURCE.like("uploaded %")).execute();
        lists.reload();
    }

    @Test
    void anAdminUploadsSeesTheDiffAndAppliesIt() throws IOException {
        List<Offering> current = lists.offerings("aws", catalog.provider("aws").orElseThrow().offerings());
        Offering changed = current.get(0);
        Offering removed = current.get(1);
        StringBuilder csv = new StringBuilder(HEADER);
        for (Offering o : current) {
            if (o != removed) {
                csv.append(row(o, o == changed ? o.prices().onDemand() + 1.0 : o.prices().onDemand()));
            }
        }
        csv.append(String.format(Locale.ROOT, "zz9.test,,0,2,4,,0.5,,%s,\n", changed.regionId()));
        long listsBefore = dsl.fetchCount(PROVIDER_PRICE_LISTS);

        loginAs("admin");
        open("catalog");
        page.locator("#catalog-upload summary, #catalog-upload vaadin-details-summary").first().click();
        page.locator("#catalog-upload-file input[type=file]").setInputFiles(file("aws_newer.csv", csv.toString()));
        assertThat(page.locator("#catalog-upload-summary")).containsText("1 new, 1 removed, 1 changed prices");
        assertThat(page.locator("#catalog-upload-added")).containsText("aws/" + changed.regionId() + "/zz9.test");
        assertThat(page.locator("#catalog-upload-removed")).containsText(removed.key());
        assertThat(page.locator("#catalog-upload-changed")).containsText(changed.key());
        assertThat(dsl.fetchCount(PROVIDER_PRICE_LISTS)).as("a preview stores nothing").isEqualTo(listsBefore);
        screenshot("catalog-upload-diff");

        page.locator("#catalog-upload-apply").click();
        assertThat(page.locator("#price-list-aws")).containsText("uploaded aws_newer.csv");
        assertThat(lists.inEffect("aws").orElseThrow().offerings()).hasSize(current.size());
        assertThat(SystemRunner.callAsSystem(() -> audit.find(new AuditFilter(null, "catalog.prices-uploaded",
                null, null), 0, 20))).anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo("provider:aws");
                    assertThat(e.actor()).isEqualTo("admin");
                    assertThat(e.afterJson()).contains("aws_newer.csv");
                });
        screenshot("catalog-upload-applied");
    }

    @Test
    void aBrokenFileIsRefusedNamingLineAndColumnAndStoresNothing() throws IOException {
        long listsBefore = dsl.fetchCount(PROVIDER_PRICE_LISTS);
        Offering any = catalog.provider("aws").orElseThrow().offerings().get(0);
        String csv = HEADER + row(any, 1.0)
                + any.instanceType() + ",,0,2,4,,cheap,,"
                + any.regionId() + ",\n";

        loginAs("admin");
        open("catalog");
        page.locator("#catalog-upload summary, #catalog-upload vaadin-details-summary").first().click();
        page.locator("#catalog-upload-file input[type=file]").setInputFiles(file("broken.csv", csv));
        assertThat(page.locator("#catalog-upload-error"))
                .containsText("broken.csv:3: column Price is not a number: 'cheap'");
        assertThat(page.locator("#catalog-upload-apply")).hasCount(0);
        assertThat(dsl.fetchCount(PROVIDER_PRICE_LISTS)).isEqualTo(listsBefore);
    }

    @Test
    void pricesOlderThanTheConfiguredAgeAreFlaggedStale() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        repository.insert("aws", "provider-aws", old, "uploaded stale-test.csv",
                catalog.provider("aws").orElseThrow().offerings(), "admin", old);
        lists.reload();

        loginAs("engineer");
        open("catalog");
        assertThat(page.locator("#catalog-price-lists [data-provider='aws'] .price-list-stale"))
                .containsText("Stale: older than 30 days");
        assertThat(page.locator("#catalog-price-lists [data-provider='gcp'] .price-list-stale")).hasCount(0);
    }

    @Test
    void engineersGetNoUpload() {
        loginAs("engineer");
        open("catalog");
        assertThat(page.locator("#catalog-price-lists")).isVisible();
        assertThat(page.locator("#catalog-upload")).hasCount(0);
    }

    /** The offering as a SkyPilot catalog row (one zone-less row per region, as Azure's are). */
    private static String row(Offering o, double price) {
        Double spot = o.prices().spot();
        return String.format(Locale.ROOT, "%s,%s,%d,%s,%s,,%s,%s,%s,\n", o.instanceType(),
                o.acceleratorName() == null ? "" : o.acceleratorName(), o.acceleratorCount(), o.vcpus(),
                o.memoryGib(), price, spot == null ? "" : spot, o.regionId());
    }

    private static Path file(String name, String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "catalog-upload-it"));
        return Files.writeString(dir.resolve(name), content);
    }
}
