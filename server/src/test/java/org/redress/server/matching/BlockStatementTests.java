package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every automated block names a way to seek redress, with or without the platform's own appeal form. */
class BlockStatementTests {

    private static final BlockStatement.Deterrence DETERRENCE =
            new BlockStatement.Deterrence("GB", "Sharing intimate images without consent is a criminal offence.");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> redress(Optional<String> appealUrl) {
        var statement =
                new BlockStatement("upload-1", Instant.parse("2026-12-05T10:00:00Z"), true, appealUrl, DETERRENCE);
        return (Map<String, Object>) statement.toMap().get("redress");
    }

    @Test
    void namesTheComplaintRouteThroughThePlatformWhenNoAppealFormIsConfigured() {
        Map<String, Object> redress = redress(Optional.empty());
        assertThat(redress).doesNotContainKey("internalAppeal").containsKey("internalComplaint");
        assertThat(redress.get("internalComplaint").toString())
                .contains("POST /api/v1/block-complaints")
                .contains("P6M");
    }

    @Test
    void keepsThePlatformsOwnAppealFormBesideTheComplaintRoute() {
        Map<String, Object> redress = redress(Optional.of("https://platform.example/appeal"));
        assertThat(redress).containsKeys("internalAppeal", "internalComplaint");
        assertThat(redress.get("internalAppeal").toString()).contains("https://platform.example/appeal");
    }
}
