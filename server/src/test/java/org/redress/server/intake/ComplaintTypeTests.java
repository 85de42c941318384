package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The complaint vocabulary reporters see. */
class ComplaintTypeTests {

    @Test
    void takesAnUntypedComplaintAsAboutDelayWhileOpenAndAboutTheDecisionOnceEnded() {
        assertThat(ComplaintType.inferred(CaseState.OPEN)).isEqualTo(ComplaintType.DELAY);
        assertThat(ComplaintType.inferred(CaseState.NO_ACTION)).isEqualTo(ComplaintType.DECISION);
        assertThat(ComplaintType.inferred(CaseState.REMOVED)).isEqualTo(ComplaintType.DECISION);
    }

    @Test
    void leavesAutomatedBlocksToUploaders() {
        assertThat(ComplaintType.AUTOMATED_BLOCK.fromReporters()).isFalse();
        assertThat(ComplaintType.REPORTING_PROCESS.fromReporters()).isTrue();
    }

    @Test
    void printsNoReply() {
        var answer = new ReporterComplaint.Answer(ComplaintOutcome.NOT_UPHELD, "Dear Sam", Instant.EPOCH);
        assertThat(answer.toString()).doesNotContain("Dear Sam");
        assertThatThrownBy(() -> new ReporterComplaint.Answer(ComplaintOutcome.NOT_UPHELD, "", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReporterComplaint("c", ComplaintType.DELAY, Instant.EPOCH, Optional.empty(), Optional.of(answer))
                        .toString())
                .doesNotContain("Dear Sam");
    }
}
