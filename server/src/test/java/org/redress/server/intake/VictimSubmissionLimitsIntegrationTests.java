package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An anonymous hash submission blocks uploads, so victims' submissions have a quality floor, a
 * limit per source (client address) and day, and a limit per day for everyone together.
 */
@ServiceTest
@TestPropertySource(properties = {"redress.intake.hashes-per-source-per-day=3", "redress.intake.hashes-per-day=5"})
class VictimSubmissionLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    private final Random random = new Random(21);

    @Test
    void refusesHashesTooPlainToRecognisePicturesBy() throws Exception {
        mvc.perform(submit("10.1.0.1", "{\"pdq\":\"" + "0".repeat(64) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/hash-too-plain"))
                .andExpect(jsonPath("$.hash").value("0"));
        mvc.perform(submit("10.1.0.2", hash(90) + ",{\"pdq\":\"" + randomHex() + "\",\"quality\":20}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.hash").value("1"));
    }

    @Test
    void limitsHashesPerSourceAndPerDay() throws Exception {
        mvc.perform(submit("10.2.0.1", hash(90) + "," + hash(90))).andExpect(status().isCreated());
        mvc.perform(submit("10.2.0.1", hash(90) + "," + hash(90)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("/problems/too-many-requests"));
        mvc.perform(submit("10.2.0.1", hash(90))).andExpect(status().isCreated());

        // Five a day from everyone: these sources are each under their own limit, yet one is refused.
        List<Integer> answers = new ArrayList<>();
        for (int source = 3; source < 10; source++) {
            answers.add(mvc.perform(submit("10.2.0." + source, hash(90)))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        assertThat(answers).contains(201, 429).endsWith(429);
        mvc.perform(submit("10.2.1.1", hash(90)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("/problems/too-many-requests"));
    }

    private String hash(int quality) {
        return "{\"pdq\":\"" + randomHex() + "\",\"quality\":" + quality + "}";
    }

    private String randomHex() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    private static MockHttpServletRequestBuilder submit(String address, String hashes) {
        return post("/api/v1/hash-submissions")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"hashes\":[" + hashes
                        + "],\"declarations\":{\"subjectOrAuthorised\":true,\"goodFaithAndTrue\":true}}");
    }
}
