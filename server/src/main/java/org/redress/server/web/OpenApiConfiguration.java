package org.redress.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, version and the bearer API-key scheme of the document at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI redressOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Redress API")
                        .version("v1")
                        .description(
                                "Intimate image abuse reporting, matching, review and removal. Machine clients send "
                                        + "'Authorization: Bearer <api-key>'; errors are RFC 9457 problem "
                                        + "details whose types are "
                                        + "listed in docs/problems.md.")
                        .license(new License().name("See the repository")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key issued by an administrator (redress "
                                                + "admin create-api-key).")));
    }
}
