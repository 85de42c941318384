package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retroactive scans find what an upload check would find, and nothing that needs no action: a
 * rotated copy that was checked as an image is found when its original is removed, although the
 * original was banked by its own hash only; a hit on an upload whose check answered BLOCK (it never
 * went online) is recorded in the audit log and opens no case.
 */
@ServiceTest
class RetroactiveScanIntegrationTests {

    private static final Actor ADMIN = new Actor.Operator("test-admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Matching matching;

    @Autowired
    Review review;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsARotatedCopyCheckedAsAnImageWhenItsOriginalIsRemoved() throws Exception {
        String platform = "Bearer "
                + identity.issueApiKey(ADMIN, "platform", Role.PLATFORM).secret();
        BufferedImage original = RemovalEndToEndIntegrationTests.picture(9021);
        byte[] rotated = RemovalEndToEndIntegrationTests.png(rotated90(original));
        String copy = "rotated-" + UUID.randomUUID();
        mvc.perform(multipart("/api/v1/checks")
                        .file(new MockMultipartFile("image", "copy.png", "image/png", rotated))
                        .part(new MockPart("contentId", copy.getBytes(StandardCharsets.UTF_8)))
                        .part(new MockPart("uploaderId", "uploader-copy".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", platform))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("ALLOW"));
        // The original was checked by its hash alone (no image kept), so only that hash is banked.
        String removed = "original-" + UUID.randomUUID();
        PdqHash own = UploadHashing.hash(RemovalEndToEndIntegrationTests.png(original))
                .hashes()
                .pdq()
                .orElseThrow();
        assertThat(matching.check(ADMIN, new Upload(removed, "uploader-original", EntryHashes.ofPdq(own), List.of()))
                        .verdict())
                .isEqualTo(Verdict.ALLOW);

        var banked = matching.bankConfirmedRemoval(
                ADMIN,
                new CaseRef("RM-TEST-" + removed.substring(9, 17).toUpperCase(java.util.Locale.ROOT)),
                new ContentId(removed),
                Optional.empty());

        assertThat(banked).hasSize(1);
        assertThat(casesCovering(copy))
                .as("the rotated copy already online is found")
                .hasSize(1);
    }

    @Test
    void aRetroactiveHitOnAnUploadBlockedAtItsCheckIsRecordedAndOpensNoCase() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PdqHash hash =
                PdqHash.fromHex(UUID.randomUUID().toString().replace("-", "").repeat(2));
        matching.createBank(ADMIN, new BankName("first-" + suffix), BankAction.BLOCK, 31, 50);
        matching.addEntry(
                ADMIN,
                new BankName("first-" + suffix),
                EntryHashes.ofPdq(hash),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));
        String blocked = "blocked-" + UUID.randomUUID();
        assertThat(matching.check(ADMIN, new Upload(blocked, "uploader", EntryHashes.ofPdq(hash), List.of()))
                        .verdict())
                .isEqualTo(Verdict.BLOCK);

        matching.createBank(ADMIN, new BankName("second-" + suffix), BankAction.BLOCK, 31, 50);
        var later = matching.addEntry(
                ADMIN,
                new BankName("second-" + suffix),
                EntryHashes.ofPdq(hash),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));

        assertThat(casesCovering(blocked))
                .as("no case for content that never went online")
                .isEmpty();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id")
                        .param("id", later.id() + "/" + blocked)
                        .query(String.class)
                        .list())
                .containsExactly("match.found:block:retroactive:unpublished");
    }

    private List<ReviewCase> casesCovering(String contentId) {
        return review.queue(ReviewState.OPEN, 500).stream()
                .filter(c -> review.caseFile(c.ref()).contents().stream()
                        .anyMatch(content -> content.contentId().equals(contentId)))
                .toList();
    }

    private static BufferedImage rotated90(BufferedImage source) {
        var rotated = new BufferedImage(source.getHeight(), source.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                rotated.setRGB(source.getHeight() - 1 - y, x, source.getRGB(x, y));
            }
        }
        return rotated;
    }
}
