package org.redress.server.matching.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The exchange's status page: what administrators and compliance see, and nobody else. */
@ServiceTest
class ExchangePageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    ExchangeStates states;

    private String account(Role role) {
        String name =
                "exchange-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (identity.findUser(Username.of(name)).isEmpty()) {
            identity.createUser(new Actor.Operator("test"), Username.of(name), role, false);
            identity.changePassword(new Actor.Operator("test"), Username.of(name), "exchange page password 1");
        }
        return name;
    }

    @Test
    void showsWhereTheExchangeStandsToAdministratorsAndCompliance() throws Exception {
        Instant at = Instant.parse("2026-12-05T10:32:00Z");
        states.lease(StopNciiExchange.NAME, "page-test", at, at.plusSeconds(60));
        states.succeeded(StopNciiExchange.NAME, 1_764_930_720, at, new ExchangeStates.Tally(12, 9, 2));
        states.release(StopNciiExchange.NAME, "page-test");

        for (Role role : new Role[] {Role.ADMIN, Role.COMPLIANCE}) {
            String page = mvc.perform(
                            get("/exchanges/stopncii").with(user(account(role)).roles(role.name())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            assertThat(page)
                    .as(role.name())
                    .contains("StopNCII exchange")
                    .contains("id=\"not-configured\"")
                    .contains("id=\"last-success\">5 Dec 2026 10:32 UTC")
                    .contains("id=\"records\">12")
                    .contains("id=\"added\">9")
                    .contains("id=\"withdrawn\">2");
        }
        int moderator = mvc.perform(get("/exchanges/stopncii")
                        .with(user(account(Role.MODERATOR)).roles(Role.MODERATOR.name())))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(moderator).isEqualTo(403);
    }
}
