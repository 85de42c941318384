package org.redress.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BufferedBodyRequestTests {

    private static MockHttpServletRequest requestWith(String body) {
        var request = new MockHttpServletRequest("POST", "/api/v1/reports");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void readsABodyUpToItsLimitAndRefusesOneOver() throws Exception {
        assertThat(BufferedBodyRequest.read(requestWith("{\"a\":1}"), 7))
                .hasValueSatisfying(
                        read -> assertThat(read.getContentLengthLong()).isEqualTo(7));
        assertThat(BufferedBodyRequest.read(requestWith("{\"a\":12}"), 7)).isEmpty();
    }

    @Test
    void readsABodyOnceWhenTwoFiltersAskAndStillAppliesTheSecondLimit() throws Exception {
        var first = BufferedBodyRequest.read(requestWith("{\"a\":1}"), 100).orElseThrow();

        assertThat(BufferedBodyRequest.read(first, 100)).containsSame(first);
        assertThat(BufferedBodyRequest.read(first, 6)).isEmpty();
        assertThat(new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}");
    }
}
