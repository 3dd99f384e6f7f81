package dev.burnrate.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and the bearer-token scheme every operation uses. */
@Configuration
class OpenApiConfig {

    static final String TOKEN_SCHEME = "token";

    @Bean
    OpenAPI burnrateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Burnrate API").version("v1")
                        .description("Cost estimates, policy checks, provisioning, usage data, budgets, reviews, "
                                + "forecasts and anomalies. Authenticate with an API token (Burnrate > API tokens) "
                                + "as 'Authorization: Bearer <token>'; each endpoint names the scope it needs. "
                                + "Errors are RFC 9457 problem+json.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(TOKEN_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("brt_ token")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
    }
}
