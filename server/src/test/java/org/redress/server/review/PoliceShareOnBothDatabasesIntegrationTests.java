package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.intake.PoliceShareRequest;
import org.redress.server.intake.PoliceSharing;
import org.redress.server.review.AppealEndToEndOnBothDatabasesIntegrationTests.Answer;
import org.redress.server.review.AppealEndToEndOnBothDatabasesIntegrationTests.Service;
import org.redress.server.shared.CaseRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reporter asks, with their status token, for their case to be shared with the police and gives
 * the crime reference: the request is their recorded consent, in their own history and for staff,
 * with the reference encrypted at rest. A wrong token opens nothing; a reference of many lines or
 * too long is refused.
 */
class PoliceShareOnBothDatabasesIntegrationTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void recordsTheReportersRequestToShareTheirCaseWithThePolice(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            String caseRef = service.reported("post-" + UUID.randomUUID(), "SUBJECT");
            String[] refAndToken = service.reporterStatus().split(" ");

            Answer wrongToken =
                    service.sendWithToken("/api/v1/reports/" + refAndToken[0] + "/police-share", "not-the-token", "{}");
            assertThat(wrongToken.status()).isEqualTo(404);
            Answer tooLong = service.sendWithToken(
                    "/api/v1/reports/" + refAndToken[0] + "/police-share",
                    refAndToken[1],
                    "{\"crimeReference\":\"" + "x".repeat(101) + "\"}");
            assertThat(tooLong.status()).isEqualTo(400);
            Answer twoLines = service.sendWithToken(
                    "/api/v1/reports/" + refAndToken[0] + "/police-share",
                    refAndToken[1],
                    "{\"crimeReference\":\"ab\\ncd\"}");
            assertThat(twoLines.status()).isEqualTo(400);

            Answer asked = service.sendWithToken(
                    "/api/v1/reports/" + refAndToken[0] + "/police-share",
                    refAndToken[1],
                    "{\"crimeReference\":\"  MET/2026/123456 \"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            assertThat(asked.body()).contains("POLICE_SHARE_REQUESTED");

            var requests = service.context.getBean(PoliceSharing.class).requests(new CaseRef(caseRef));
            assertThat(requests)
                    .singleElement()
                    .extracting(PoliceShareRequest::crimeReference)
                    .isEqualTo(Optional.of("MET/2026/123456"));
            assertThat(service.context
                            .getBean(JdbcClient.class)
                            .sql("SELECT crime_ref_enc FROM intake_police_share")
                            .query(String.class)
                            .single())
                    .as("encrypted at rest")
                    .doesNotContain("123456");
        }
    }
}
