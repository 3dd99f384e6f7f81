package dev.burnrate.portal.forecast.api;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.forecast.ForecastService;
import dev.burnrate.portal.forecast.StoredSpendForecast;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored spend forecasts budgets use (P10, P50, P90 per day), per dataset, team and currency. Team-scoped:
 * users get their teams' forecasts; ADMIN and FINANCE every team's and the all-teams ones.
 */
@RestController
@RequestMapping("/api/v1/forecasts")
@Tag(name = "Forecasts", description = "Stored daily spend forecasts per dataset and team")
public class ForecastsController {

    private final ForecastService forecasts;

    public ForecastsController(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List stored spend forecasts, optionally of one dataset, team or currency")
    public ApiPage<SpendForecastJson> list(
            @RequestParam(required = false) String dataset,
            @Parameter(description = "a team name, or 'all' for the all-teams forecasts")
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        String scope = team == null ? null
                : team.equals(StoredSpendForecast.ALL) ? StoredSpendForecast.ALL : StoredSpendForecast.teamScope(team);
        return request.slice(forecasts.storedForecasts().stream()
                .filter(f -> dataset == null || f.dataset().equals(dataset))
                .filter(f -> scope == null || f.scope().equals(scope))
                .filter(f -> currency == null || f.currency().equalsIgnoreCase(currency))
                .map(SpendForecastJson::of).toList());
    }
}
