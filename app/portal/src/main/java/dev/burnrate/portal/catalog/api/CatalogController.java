package dev.burnrate.portal.catalog.api;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.CatalogSort;
import dev.burnrate.portal.plugin.PluginCatalogService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The price catalog the provider plugins publish: public list prices, the same for every caller. */
@RestController
@RequestMapping(value = "/api/v1/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog", description = "Cloud providers and their offerings with list prices")
public class CatalogController {

    private final PluginCatalogService catalog;

    public CatalogController(PluginCatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/providers")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "The cloud providers of the catalog, by id")
    public List<ProviderView> providers() {
        return catalog.providers().stream().map(ProviderView::of)
                .sorted(Comparator.comparing(ProviderView::id)).toList();
    }

    @GetMapping("/offerings")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Offerings, cheapest on-demand first",
            description = "Filters combine; an accelerator matches the hardware catalog's name or the provider's.")
    public ApiPage<OfferingView> offerings(
            @Parameter(description = "Provider id, e.g. aws") @RequestParam(required = false) String provider,
            @Parameter(description = "Region id, e.g. us-east-1") @RequestParam(required = false) String region,
            @Parameter(description = "Accelerator, e.g. H100") @RequestParam(required = false) String accelerator,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        CatalogFilter filter = new CatalogFilter(blankToNull(provider), blankToNull(region), blankToNull(accelerator),
                null, false, false);
        return new ApiPage<>(catalog.offerings(filter, CatalogSort.ON_DEMAND, true, request.offset(),
                request.size()).stream().map(OfferingView::of).toList(), request.page(), request.size(),
                catalog.count(filter));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
