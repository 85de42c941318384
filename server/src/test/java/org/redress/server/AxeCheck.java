package org.redress.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * axe-core (vendored under src/test/resources/axe) run in a test's headless Chromium against the
 * WCAG 2.0, 2.1 and 2.2 A and AA rules: serious and critical violations are returned (and fail
 * {@link #assertAccessible}); moderate and minor ones are printed so that they are seen.
 */
public final class AxeCheck {

    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                'wcag22aa'] },
                                resultTypes: ['violations'] })
               .then(result => done(JSON.stringify(result.violations.map(v => ({
                   id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) })))))
               .catch(error => done(JSON.stringify({ error: String(error) })));
            """;

    private final ChromeDriver browser;
    private final ObjectMapper json;
    private final String axe;

    /** Reads axe-core from the test classpath and gives the browser's scripts time to run it. */
    public AxeCheck(ChromeDriver browser, ObjectMapper json) {
        this.browser = browser;
        this.json = json;
        try (InputStream in = Objects.requireNonNull(
                AxeCheck.class.getResourceAsStream("/axe/axe.min.js"), "axe/axe.min.js on the test classpath")) {
            this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** The serious and critical violations on the page now shown, one line each: rule, impact, elements. */
    public List<String> seriousViolations() {
        browser.executeScript(axe);
        JsonNode answer = json.readTree((String) browser.executeAsyncScript(RUN_AXE));
        assertThat(answer.has("error")).as("axe failed: %s", answer).isFalse();
        List<String> found = new ArrayList<>();
        for (JsonNode violation : answer) {
            String impact = violation.get("impact").asString();
            String line = violation.get("id").asString() + " (" + impact + ") at " + violation.get("nodes");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                found.add(line);
            } else {
                // Moderate and minor findings do not fail the build; printed so that they are seen.
                System.out.println("axe on " + browser.getCurrentUrl().replaceAll("t=[^&]+", "t=…") + ": " + line);
            }
        }
        return found;
    }

    /** Fails when the page now shown has a serious or critical violation. */
    public void assertAccessible(String page) {
        assertThat(seriousViolations())
                .as("serious or critical WCAG 2.2 AA violations on %s", page)
                .isEmpty();
    }
}
