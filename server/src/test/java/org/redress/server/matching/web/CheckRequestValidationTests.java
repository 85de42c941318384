package org.redress.server.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.server.matching.web.MatchingApiController.CheckRequest;

/**
 * The check's quick reading of its constraints ({@link CheckRequest#plainlyValid()}) may skip Bean
 * Validation only where Bean Validation would find nothing: never looser than the annotations.
 */
class CheckRequestValidationTests {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void openValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static final String HEX = "0123456789abcdefABCDEF";

    /** Texts at and around each constraint's edges: blanks of every kind, lengths, non-hex letters. */
    private static final List<String> TEXTS = List.of(
            "",
            " ",
            "\t\n",
            "\u0001",
            "\u2003",
            "\u00a0",
            " x ",
            "post-1",
            "x".repeat(200),
            "x".repeat(201),
            "é".repeat(200),
            "a".repeat(31),
            "a".repeat(32),
            "g" + "a".repeat(31),
            "A".repeat(32),
            "a".repeat(63),
            "f".repeat(64),
            "F".repeat(64),
            "a".repeat(65),
            "a".repeat(63) + "g",
            "a".repeat(63) + " ",
            "a".repeat(63) + "\u0660",
            "ab".repeat(20),
            "ab".repeat(20) + "a");

    private static String pick(Random random, boolean nullable) {
        int k = random.nextInt(TEXTS.size() + (nullable ? 3 : 1));
        if (k >= TEXTS.size()) {
            return k == TEXTS.size() ? hex(random, 64) : null;
        }
        return TEXTS.get(k);
    }

    private static String hex(Random random, int digits) {
        var text = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            text.append(HEX.charAt(random.nextInt(HEX.length())));
        }
        return text.toString();
    }

    private static CheckRequest random(Random random) {
        List<String> dihedral = null;
        if (random.nextBoolean()) {
            dihedral = new ArrayList<>();
            int size = random.nextInt(11);
            for (int i = 0; i < size; i++) {
                dihedral.add(random.nextInt(4) == 0 ? pick(random, true) : hex(random, 64));
            }
        }
        Integer[] qualities = {null, -1, 0, 50, 100, 101, Integer.MIN_VALUE};
        return new CheckRequest(
                pick(random, true),
                pick(random, true),
                random.nextBoolean() ? hex(random, 64) : pick(random, true),
                random.nextBoolean() ? hex(random, 32) : pick(random, true),
                random.nextBoolean() ? hex(random, 64) : pick(random, true),
                dihedral,
                qualities[random.nextInt(qualities.length)],
                random.nextBoolean()
                        ? null
                        : List.of("GB", "x".repeat(40), "x".repeat(41), "").get(random.nextInt(4)),
                null);
    }

    @Test
    void skipsBeanValidationOnlyForChecksThatBeanValidationFindsNothingWrongWith() {
        var random = new Random(7);
        int plain = 0;
        int faulty = 0;
        for (int i = 0; i < 50_000; i++) {
            CheckRequest request = random(random);
            boolean valid = validator.validate(request).isEmpty();
            if (request.plainlyValid()) {
                plain++;
                assertThat(valid).as("%s", describe(request)).isTrue();
            }
            if (!valid) {
                faulty++;
            }
        }
        // Both sides of the comparison are exercised.
        assertThat(plain).isGreaterThan(100);
        assertThat(faulty).isGreaterThan(10_000);
    }

    @Test
    void readsATypicalPlatformCheckAsPlainlyValid() {
        var request = new CheckRequest(
                "post-81723",
                "user-9",
                "f".repeat(64),
                "0".repeat(32),
                null,
                List.of("a".repeat(64), "B".repeat(64)),
                87,
                "GB",
                List.of("https://example.org/p/81723"));
        assertThat(request.plainlyValid()).isTrue();
        assertThat(validator.validate(request)).isEmpty();
    }

    private static String describe(CheckRequest r) {
        return Arrays.asList(
                        r.contentId(),
                        r.uploaderId(),
                        r.pdq(),
                        r.md5(),
                        r.sha256(),
                        r.dihedral(),
                        r.quality(),
                        r.jurisdiction())
                .toString();
    }
}
