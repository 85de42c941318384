package org.redress.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathsTests {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/reports, /api/v1/reports",
        "/api/v1/%72eports, /api/v1/reports",
        "/api/v1/reports;jsessionid=1, /api/v1/reports",
        "/api;x=1/v1/reports, /api/v1/reports",
        "//api/v1//reports, /api/v1/reports",
        "/api/v1/reports/, /api/v1/reports",
        "/API/V1/Reports, /api/v1/reports",
        "/api%2Fv1/reports, /api/v1/reports",
        "/, /",
        "'', /",
        "/%zz, /%zz"
    })
    void normalisesEveryWayOfWritingAPathToTheRoutedPath(String raw, String expected) {
        assertThat(RequestPaths.normalised(raw)).isEqualTo(expected);
    }
}
