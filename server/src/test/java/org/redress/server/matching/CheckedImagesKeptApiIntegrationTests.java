package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.media.Media;
import org.redress.server.media.StoredMedia;
import org.redress.server.shared.Actor;
import org.redress.server.shared.ContentId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Images sent with a check through {@code POST /api/v1/checks} are kept, encrypted, for review. */
@ServiceTest
class CheckedImagesKeptApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    MatchIndex index;

    @Autowired
    Media media;

    private String admin;
    private String platform;

    @BeforeEach
    void issueKeys() {
        index.refresh();
        admin = "Bearer "
                + identity.createUser(TESTER, Username.of("media-admin-" + unique()), Role.ADMIN, true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
        platform = "Bearer "
                + identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void bankImage(String action, byte[] image) throws Exception {
        String bank = "bank-" + unique();
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + bank + "\",\"action\":\"" + action + "\"}"))
                .andExpect(status().isCreated());
        String pdq = UploadHashing.hash(image).hashes().pdq().orElseThrow().toHex();
        mvc.perform(post("/api/v1/banks/" + bank + "/hashes")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pdq\":\"" + pdq + "\"}"))
                .andExpect(status().isCreated());
    }

    private String checkImage(byte[] image, String expectedVerdict) throws Exception {
        String contentId = "kept-" + unique();
        mvc.perform(multipart("/api/v1/checks")
                        .file(new MockMultipartFile("image", "upload.png", "image/png", image))
                        .part(formField("contentId", contentId))
                        .part(formField("uploaderId", "u-9"))
                        .header("Authorization", platform))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value(expectedVerdict));
        return contentId;
    }

    @Test
    void keepsTheImageOfAnUploadCheckedForReview() throws Exception {
        byte[] image = TestImages.png(TestImages.picture(41));
        bankImage("REVIEW", image);

        String contentId = checkImage(image, "REVIEW");

        assertThat(media.forContent(new ContentId(contentId))).singleElement().satisfies(kept -> {
            assertThat(kept.size()).isEqualTo(image.length);
            assertThat(kept.held())
                    .as("the REVIEW verdict opened a review case, which holds its image")
                    .isTrue();
            assertThat(media.open(kept.id())).isEqualTo(image);
        });
    }

    @Test
    void keepsTheImageOfABlockedUpload() throws Exception {
        byte[] image = TestImages.png(TestImages.picture(42));
        bankImage("BLOCK", image);

        String contentId = checkImage(TestImages.png(TestImages.nearDuplicate(TestImages.picture(42))), "BLOCK");

        assertThat(media.forContent(new ContentId(contentId)))
                .extracting(StoredMedia::contentId)
                .containsExactly(new ContentId(contentId));
    }

    @Test
    void keepsAllowedUploadsByDefault() throws Exception {
        String contentId = checkImage(TestImages.png(TestImages.picture(43)), "ALLOW");

        assertThat(media.forContent(new ContentId(contentId))).hasSize(1);
    }

    /** A multipart form field, as a browser or an HTTP client sends it: a part without a file name. */
    private static org.springframework.mock.web.MockPart formField(String name, String value) {
        return new org.springframework.mock.web.MockPart(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
