package org.redress.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.server.shared.DomainException;
import org.springframework.http.HttpStatus;

class ProblemDetailsAdviceTests {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    private static final class SampleException extends DomainException {
        private static final long serialVersionUID = 1L;

        SampleException() {
            super(URI.create("/problems/sample"), Kind.CONFLICT, "A fixed sentence.", Map.of("caseId", "c-1"));
        }
    }

    @Test
    void mapsADomainExceptionToItsTypeStatusSentenceAndIds() {
        var answer = advice.onDomainException(new SampleException());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        var problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getType()).isEqualTo(URI.create("/problems/sample"));
        assertThat(problem.getDetail()).isEqualTo("A fixed sentence.");
        assertThat(problem.getProperties()).containsEntry("caseId", "c-1");
    }

    @Test
    void answersALostDatabaseConnectionWith503AndRetryAfter() {
        var lost = new org.springframework.jdbc.CannotGetJdbcConnectionException(
                "connection refused", new java.sql.SQLTransientConnectionException("refused"));

        var answer = advice.onDatabaseUnavailable(lost);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).doesNotContain("refused");
    }

    @Test
    void answersABrokenMultipartBodyWith400AndAnOversizeOneWith413() {
        assertThat(advice.onMultipart(new org.springframework.web.multipart.MultipartException("no boundary"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(advice.onMultipart(new org.springframework.web.multipart.MaxUploadSizeExceededException(10))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void answersUnexpectedErrorsWithACorrelationIdOnly() {
        var answer = advice.onUnexpected(new IllegalStateException("duplicate key jane@example.org"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        var problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getType()).isEqualTo(ProblemTypes.INTERNAL_ERROR);
        assertThat(problem.getProperties()).containsKey("correlationId");
        assertThat(problem.toString()).doesNotContain("jane@example.org").doesNotContain("IllegalStateException");
    }

    @Test
    void logsTypesAndFramesButNoMessages() {
        var error = new RuntimeException("outer jane@example.org", new IllegalArgumentException("inner 0612345678"));
        String logged = ProblemDetailsAdvice.withoutMessages(error);
        assertThat(logged)
                .contains("java.lang.RuntimeException <- caused by java.lang.IllegalArgumentException")
                .contains("\tat org.redress.server.web.ProblemDetailsAdviceTests")
                .doesNotContain("jane@example.org")
                .doesNotContain("0612345678");
    }
}
