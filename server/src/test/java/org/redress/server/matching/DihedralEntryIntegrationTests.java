package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A removed item is one entry of the confirmed-removals bank carrying its rotations and mirrorings
 * as variants, and a check that matches it answers one match with the best distance and the variant
 * that gave it, not eight.
 */
@ServiceTest
class DihedralEntryIntegrationTests {

    private static final Actor SYSTEM = new Actor.Operator("review");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Matching matching;

    @Test
    void aRemovedItemIsOneEntryAndMatchesOnceWithItsVariant() throws Exception {
        String platform = "Bearer "
                + identity.issueApiKey(SYSTEM, "platform", Role.PLATFORM).secret();
        BufferedImage picture = TestImages.picture(2121);
        byte[] original = TestImages.png(picture);
        long before = matching.entryCounts().getOrDefault(new BankName("confirmed-removals"), 0L);

        var banked = matching.bankConfirmedRemoval(
                SYSTEM,
                new CaseRef("RM-DIHE-DRAL-TEST"),
                new ContentId("removed-" + UUID.randomUUID()),
                Optional.of(original));

        assertThat(banked).hasSize(1);
        assertThat(banked.getFirst().variants())
                .as("seven rotations and mirrorings, then every framing")
                .hasSize(BankEntry.VARIANT_NAMES.size() - 1);
        assertThat(matching.entryCounts().get(new BankName("confirmed-removals")))
                .isEqualTo(before + 1);

        JsonNode same = check(platform, original);
        assertThat(same.get("verdict").asString()).isEqualTo("BLOCK");
        JsonNode removals = removalMatches(same);
        assertThat(removals).hasSize(1);
        assertThat(removals.get(0).get("entryId").asLong())
                .isEqualTo(banked.getFirst().id());
        assertThat(removals.get(0).get("distance").asInt()).isZero();
        assertThat(removals.get(0).get("variant").asString()).isEqualTo("ORIGINAL");

        JsonNode turned = check(platform, TestImages.png(rotated90(picture)));
        assertThat(turned.get("verdict").asString()).isEqualTo("BLOCK");
        JsonNode turnedRemovals = removalMatches(turned);
        assertThat(turnedRemovals).hasSize(1);
        assertThat(turnedRemovals.get(0).get("variant").asString())
                .isIn("ROTATE_90", "ROTATE_270", "TURNED_ROTATE_90", "TURNED_ROTATE_270");
    }

    @Test
    void copiesCroppedOrTiltedFromARemovedImageMatchItsFramings() throws Exception {
        String platform = "Bearer "
                + identity.issueApiKey(SYSTEM, "platform", Role.PLATFORM).secret();
        BufferedImage picture = TestImages.picture(3131);
        var banked = matching.bankConfirmedRemoval(
                SYSTEM,
                new CaseRef("RM-FRAM-INGS-TEST"),
                new ContentId("removed-" + UUID.randomUUID()),
                Optional.of(TestImages.png(picture)));
        int w = picture.getWidth();
        int h = picture.getHeight();
        int tenthW = w / 10;
        int tenthH = h / 10;

        JsonNode centre = removalMatches(
                check(platform, TestImages.png(picture.getSubimage(tenthW / 2, tenthH / 2, w - tenthW, h - tenthH))));
        JsonNode offCentre = removalMatches(
                check(platform, TestImages.png(picture.getSubimage(tenthW, tenthH, w - tenthW, h - tenthH))));

        assertThat(centre).as("a centred crop to 90%% of each side").hasSize(1);
        assertThat(centre.get(0).get("entryId").asLong())
                .isEqualTo(banked.getFirst().id());
        assertThat(offCentre).as("a tenth cut from the left and the top").hasSize(1);
        assertThat(offCentre.get(0).get("variant").asString()).startsWith("CORNER_");
    }

    private static JsonNode removalMatches(JsonNode answer) {
        var matches = JsonMapper.builder().build().createArrayNode();
        answer.get("matches").forEach(m -> {
            if (m.get("bank").asString().equals("confirmed-removals")) {
                matches.add(m);
            }
        });
        return matches;
    }

    private JsonNode check(String platform, byte[] image) throws Exception {
        String body = mvc.perform(multipart("/api/v1/checks")
                        .file(new MockMultipartFile("image", "upload.png", "image/png", image))
                        .part(new MockPart("contentId", ("c-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                        .part(new MockPart("uploaderId", "u-1".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", platform))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body);
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
