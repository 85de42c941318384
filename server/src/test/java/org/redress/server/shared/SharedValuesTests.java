package org.redress.server.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SharedValuesTests {

    @Test
    void contentIdRefusesBlankAndOverlongValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContentId(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ContentId("  "));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ContentId("x".repeat(ContentId.MAX_LENGTH + 1)))
                .withMessageContaining(String.valueOf(ContentId.MAX_LENGTH + 1));
        assertThat(new ContentId("x".repeat(ContentId.MAX_LENGTH)).value()).hasSize(ContentId.MAX_LENGTH);
    }

    @Test
    void contentIdPrintsItsValueAsTheAuditLogRecordsIt() {
        assertThat(new ContentId("post-17")).hasToString("post-17").isEqualTo(new ContentId("post-17"));
    }

    @Test
    void uploaderIdIsNeverPrinted() {
        assertThat(new UploaderId("account-42")).hasToString("UploaderId[redacted]");
        assertThatIllegalArgumentException().isThrownBy(() -> new UploaderId(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploaderId("x".repeat(UploaderId.MAX_LENGTH + 1)));
    }

    @Test
    void caseRefRefusesLowerCaseLikeTheTestWebhooksMarker() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CaseRef("webhook-test"));
        assertThat(new CaseRef("RD-ABCD-EFGH")).hasToString("RD-ABCD-EFGH");
    }
}
