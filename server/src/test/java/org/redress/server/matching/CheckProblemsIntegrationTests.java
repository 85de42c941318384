package org.redress.server.matching;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.media.MediaImages;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A platform engineer reading a refused check learns which field is wrong (RFC 9457 extension
 * member {@code errors: [{pointer, detail}]}) and which size limit an image passed.
 */
@ServiceTest
class CheckProblemsIntegrationTests {

    private static final String HASH = "ab".repeat(32);

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    private String platform;

    @BeforeEach
    void issueKey() {
        platform = "Bearer "
                + identity.issueApiKey(new Actor.Operator("test"), "platform", Role.PLATFORM)
                        .secret();
    }

    private ResultActions checkJson(String json) throws Exception {
        return mvc.perform(post("/api/v1/checks")
                .header("Authorization", platform)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void namesEveryMalformedHashOfAJsonCheck() throws Exception {
        checkJson("{\"contentId\":\"c-1\",\"uploaderId\":\"u-1\",\"pdq\":\"zz\",\"md5\":\"xyz\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("#/pdq")))
                .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("#/md5")))
                .andExpect(jsonPath("$.errors[0].detail").value(containsString("hex digits")));
        checkJson("{\"contentId\":\"c-1\",\"uploaderId\":\"u-1\",\"pdq\":\"" + HASH + "\",\"dihedral\":[\"" + HASH
                        + "\",\"nonsense\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/dihedral[1]"))
                .andExpect(jsonPath("$.errors[0].constraint").value("Pattern"));
    }

    @Test
    void namesEachBrokenConstraintOfAJsonCheckWithItsConstraint() throws Exception {
        checkJson("{\"contentId\":\" \\t \",\"uploaderId\":\"u-1\",\"pdq\":\"" + HASH + "\",\"quality\":101}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.pointer == '#/contentId')].constraint")
                        .value(hasItem("NotBlank")))
                .andExpect(jsonPath("$.errors[?(@.pointer == '#/quality')].constraint")
                        .value(hasItem("Max")));
        checkJson("{\"contentId\":\"c-1\",\"uploaderId\":\"u-1\",\"pdq\":\"" + HASH + "\",\"jurisdiction\":\""
                        + "x".repeat(41) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/jurisdiction"))
                .andExpect(jsonPath("$.errors[0].constraint").value("Size"));
    }

    @Test
    void namesAMemberOfTheWrongType() throws Exception {
        checkJson("{\"contentId\":\"c-1\",\"uploaderId\":\"u-1\",\"pdq\":\"" + HASH + "\",\"quality\":\"high\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/quality"))
                .andExpect(jsonPath("$.errors[0].detail").isNotEmpty());
    }

    @Test
    void namesTheMissingOrWrongFieldsOfAnImageCheck() throws Exception {
        mvc.perform(multipart("/api/v1/checks")
                        .part(new MockPart("contentId", "c-2".getBytes(StandardCharsets.UTF_8)))
                        .part(new MockPart("uploaderId", "u-2".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", platform))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/image"));
        mvc.perform(multipart("/api/v1/checks")
                        .file(new MockMultipartFile("image", "upload.png", "image/png", new byte[] {1}))
                        .part(new MockPart("contentId", "c".repeat(201).getBytes(StandardCharsets.UTF_8)))
                        .part(new MockPart("uploaderId", "u-2".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", platform))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/contentId"))
                .andExpect(jsonPath("$.errors[0].detail").value("must be 1 to 200 characters"));
    }

    @Test
    void saysWhichLimitAnImageWithTooManyPixelsPassed() throws Exception {
        byte[] bomb = MediaImages.pngBomb(8_000);
        mvc.perform(multipart("/api/v1/checks")
                        .file(new MockMultipartFile("image", "big.png", "image/png", bomb))
                        .part(new MockPart("contentId", "c-3".getBytes(StandardCharsets.UTF_8)))
                        .part(new MockPart("uploaderId", "u-3".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", platform))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"))
                .andExpect(jsonPath("$.limit").value("pixels"))
                .andExpect(jsonPath("$.maximum").value(50_000_000))
                .andExpect(jsonPath("$.detail").value(containsString("pixels")));
    }
}
