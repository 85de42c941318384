package org.redress.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one normal form of content URLs, rule by rule (docs/adr/0029). */
class ContentUrlTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "  HTTPS://Example.COM/Path?q=1#frag  | https://example.com/Path?q=1",
                "http://example.com:80/a              | http://example.com/a",
                "https://example.com:443/a            | https://example.com/a",
                "https://example.com:8443/a           | https://example.com:8443/a",
                "http://example.com                   | http://example.com/",
                "https://user:secret@example.com/a    | https://example.com/a",
                "https://example.com./a               | https://example.com/a",
                "https://example.com/a/./b/../c       | https://example.com/a/c",
                "https://example.com/%7euser/%2fx%3f  | https://example.com/~user/%2Fx%3F",
                "https://example.com/a?               | https://example.com/a",
                "https://example.com/a?b=%41&c=%2a    | https://example.com/a?b=A&c=%2A",
                "https://example.com/CaseKept?B=2&A=1 | https://example.com/CaseKept?B=2&A=1",
                "https://[2001:DB8::1]:443/a          | https://[2001:db8::1]/a",
                "https://xn--bcher-kva.EXAMPLE/a      | https://xn--bcher-kva.example/a",
            })
    void normalisesByEachRule(String typed, String normal) {
        assertThat(ContentUrl.parse(typed)).contains(new ContentUrl(normal));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "platform-content-id-1",
                "/relative/path",
                "ftp://example.com/a",
                "javascript:alert(1)",
                "mailto:someone@example.com",
                "https:///no-host",
                "https://exa mple.com/a",
                "https://example.com/a b",
                "https://bücher.example/a",
            })
    void refusesWhatIsNotAnAbsoluteHttpUrlWithAHost(String typed) {
        assertThat(ContentUrl.parse(typed)).isEmpty();
    }

    @Test
    void keepsHttpAndHttpsApart() {
        assertThat(ContentUrl.parse("http://example.com/a")).isNotEqualTo(ContentUrl.parse("https://example.com/a"));
    }

    @Test
    void refusesAUrlLongerThanTheLimit() {
        String path = "a".repeat(ContentUrl.MAX_LENGTH);
        assertThat(ContentUrl.parse("https://example.com/" + path)).isEqualTo(Optional.empty());
        assertThat(ContentUrl.parse("https://example.com/" + "a".repeat(ContentUrl.MAX_LENGTH - 20)))
                .isPresent();
    }
}
