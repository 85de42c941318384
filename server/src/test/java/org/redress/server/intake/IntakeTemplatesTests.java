package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Intake's public pages take their head from one fragment, so a change to it reaches every page
 * (its staff pages, under staff/, take the staff pages' head).
 */
class IntakeTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/intake");

    @Test
    void everyPageTakesItsHeadFromTheSharedFragment() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            pages = files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("fragments.html"))
                    .sorted()
                    .toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(5);
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(html)
                    .as(page.toString())
                    .contains("<head th:replace=\"~{intake/fragments :: head(")
                    .doesNotContain("<meta charset")
                    .doesNotContain("stylesheet");
        }
    }
}
