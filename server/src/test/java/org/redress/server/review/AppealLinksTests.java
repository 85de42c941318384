package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Appeal links are absolute and built from the public URL; the service does not start with a
 * relative one, nor without one outside the embedded database; the appeal window is never under
 * six months.
 */
class AppealLinksTests {

    @Test
    void buildsAbsoluteLinksFromThePublicUrl() {
        var environment = new MockEnvironment()
                .withProperty("redress.public-url", "https://redress.example.org/")
                .withProperty("redress.db-url", "jdbc:postgresql://db/redress");
        assertThat(new AppealLinks(environment).page("abc").toString())
                .isEqualTo("https://redress.example.org/appeal?t=abc");
    }

    @Test
    void refusesToStartWithARelativeUrlOrWithoutOneOnPostgresql() {
        var relative = new MockEnvironment().withProperty("redress.public-url", "/appeals");
        assertThatThrownBy(() -> new AppealLinks(relative)).isInstanceOf(IllegalArgumentException.class);
        var ftp = new MockEnvironment().withProperty("redress.public-url", "ftp://redress.example.org");
        assertThatThrownBy(() -> new AppealLinks(ftp)).isInstanceOf(IllegalArgumentException.class);
        var production = new MockEnvironment().withProperty("redress.db-url", "jdbc:postgresql://db/redress");
        assertThatThrownBy(() -> new AppealLinks(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REDRESS_PUBLIC_URL");
    }

    @Test
    void pointsAtTheLocalPortOnTheEmbeddedDatabase() {
        var local = new MockEnvironment().withProperty("server.port", "8080");
        var links = new AppealLinks(local);
        assertThat(links.page("t1").toString()).isEqualTo("http://localhost:8080/appeal?t=t1");
        local.setProperty("local.server.port", "41234");
        assertThat(links.page("t2").toString()).isEqualTo("http://localhost:41234/appeal?t=t2");
    }

    @Test
    void refusesAnAppealWindowUnderSixMonths() {
        assertThatThrownBy(() -> settings(Period.ofMonths(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(Period.of(0, 7, -40))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(Period.ofYears(1)).appealWindow()).isEqualTo(Period.ofYears(1));
    }

    private static ReviewSettings settings(Period appealWindow) {
        return new ReviewSettings(
                Duration.ofMinutes(15),
                Duration.ofHours(48),
                Duration.ofHours(12),
                3,
                false,
                "NCA",
                appealWindow,
                Duration.ofDays(7),
                Duration.ofDays(30),
                Duration.ofDays(7));
    }
}
