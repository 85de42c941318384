package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: phones save photos as HEIC (and some as AVIF), which no maintained pure-Java decoder
 * reads. An upload check of one is refused with a problem that names the accepted formats and says
 * to convert the photo, not only that it "could not be decoded".
 */
@ServiceTest
class Issue21PhonePhotosIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    MatchIndex index;

    /** The start of a HEIF file as phones write it: an {@code ftyp} box with its brands, then a {@code meta} box. */
    static byte[] isoMediaFile(String major, String... compatible) {
        var out = new ByteArrayOutputStream();
        int size = 16 + 4 * compatible.length;
        out.writeBytes(new byte[] {0, 0, 0, (byte) size});
        out.writeBytes("ftyp".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(major.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[4]);
        for (String brand : compatible) {
            out.writeBytes(brand.getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(new byte[] {0, 0, 0, 40});
        out.writeBytes("meta".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[32]);
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"heic, heic, mif1, heic", "mif1, mif1, heic, heic", "avif, avif, mif1, avif", "mif1, mif1, avif, avif"})
    void answersAPhonePhotoWithTheFormatsToSendInstead(String major, String first, String second, String format)
            throws Exception {
        index.refresh();
        String key = "Bearer "
                + identity.issueApiKey(new Actor.Operator("test"), "phone-" + UUID.randomUUID(), Role.PLATFORM)
                        .secret();
        var image = new MockMultipartFile(
                "image", "IMG_0001." + format, "image/" + format, isoMediaFile(major, first, second));

        var response = mvc.perform(multipart("/api/v1/checks")
                        .file(image)
                        .part(new MockPart("contentId", "c-1".getBytes(StandardCharsets.UTF_8)))
                        .part(new MockPart("uploaderId", "u-1".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", key))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/image-undecodable");
        assertThat(problem.get("reason").asString()).isEqualTo("unsupported-format");
        assertThat(problem.get("format").asString()).isEqualTo(format);
        assertThat(problem.get("detail").asString())
                .startsWith(format.toUpperCase(java.util.Locale.ROOT) + " images are not accepted.")
                .contains("JPEG, PNG, WebP", "export");
    }

    @Test
    void tellsAPersonOnTheProtectPageHowToMakeAJpeg() throws Exception {
        String page = mvc.perform(get("/protect")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page.replaceAll("\\s+", " ")).contains("HEIC or AVIF", "Most Compatible", "export it as JPEG");
    }
}
