package org.redress.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.cli.EvidenceService;
import org.redress.server.identity.Role;
import org.redress.server.media.Media;
import org.redress.server.shared.ContentId;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention sweep on each database: of two export records of the same age past their period,
 * the one whose case is held survives and the other is deleted, logged and audited; of two images
 * of the same age past media's retention, the one whose content item is held survives and the other
 * is purged, by the sweep (media schedules no purge of its own); both exports stay in the audit
 * log; a sweep claimed by another instance does not run. Only compliance places or lifts holds.
 */
class RetentionSweepOnBothDatabasesIntegrationTests {

    private static final List<Role> NOT_COMPLIANCE =
            List.of(Role.MODERATOR, Role.SENIOR_MODERATOR, Role.ADMIN, Role.AUDITOR, Role.PLATFORM, Role.FLAGGER);

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsWhatIsHeldAndDeletesWhatIsNotOfTheSameAge(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new EvidenceService(database)) {
            String heldContent = "held-" + UUID.randomUUID();
            String freeContent = "free-" + UUID.randomUUID();
            service.checkImage(heldContent, "uploader-a", LawEnforcementRequestsOnBothDatabasesIntegrationTests.png(5));
            service.checkImage(freeContent, "uploader-b", LawEnforcementRequestsOnBothDatabasesIntegrationTests.png(9));
            String heldCase = service.report("post-" + UUID.randomUUID());
            String freeCase = service.report("post-" + UUID.randomUUID());
            String heldExport = export(service, heldCase);
            String freeExport = export(service, freeCase);

            onlyComplianceHolds(service, heldCase, heldContent);
            assertThat(service.send(
                                    "POST",
                                    "/api/v1/evidence/cases/" + heldCase + "/hold",
                                    Role.COMPLIANCE,
                                    "{\"reason\":\"Preservation order 12\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(service.send(
                                    "POST",
                                    "/api/v1/evidence/content-holds",
                                    Role.COMPLIANCE,
                                    "{\"contentId\":\"" + heldContent + "\",\"reason\":\"Police preservation\","
                                            + "\"until\":\"2099-01-01T00:00:00Z\"}")
                            .status())
                    .isEqualTo(201);

            ageExports(
                    service,
                    Instant.now().atOffset(ZoneOffset.UTC).minusYears(7).toInstant());
            Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> Instant.now().isAfter(expiry(service, freeContent)));
            assertThat(media(service, freeContent))
                    .as("past its retention, yet nothing but the sweep purges media")
                    .isNotEmpty();
            onlyTheSweepIsScheduledToPurge(service);
            RetentionSweep.Report report = service.bean(RetentionSweep.class).sweep();
            assertThat(report.ran()).isTrue();
            assertThat(report.deleted()).containsEntry(RetentionKind.IIA_MEDIA, 1);

            assertThat(exportIds(service)).contains(heldExport).doesNotContain(freeExport);
            assertThat(service.bean(RetentionSweep.class).deletions(10))
                    .filteredOn(d -> d.kind().equals("evidence-export"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.recordId()).isEqualTo(freeExport);
                        assertThat(d.caseRef()).hasValue(freeCase);
                    });
            assertThat(service.bean(AuditTrail.class).about(Set.of("evidence-export:" + freeExport)))
                    .extracting(AuditEntry::action)
                    .containsExactly("evidence.retention-deleted");
            assertThat(service.bean(AuditTrail.class).about(Set.of("sha256:" + heldExport, "sha256:" + freeExport)))
                    .as("every export is in the audit log, which outlives the swept export record")
                    .extracting(AuditEntry::action)
                    .containsExactly("evidence.exported", "evidence.exported");
            Media media = service.bean(Media.class);
            assertThat(media.forContent(new ContentId(heldContent)))
                    .as("held content kept")
                    .isNotEmpty();
            assertThat(media.forContent(new ContentId(freeContent)))
                    .as("unheld content purged")
                    .isEmpty();

            claimedElsewhereDoesNotRun(service);
        }
    }

    private static String export(EvidenceService service, String caseRef) throws Exception {
        EvidenceService.Answer exported = service.send(
                "POST",
                "/api/v1/evidence/cases/" + caseRef + "/bundle",
                Role.COMPLIANCE,
                "{\"reason\":\"Court order\"}");
        assertThat(exported.status()).as(exported.text()).isEqualTo(200);
        return exported.response()
                .headers()
                .firstValue("Redress-Manifest-SHA256")
                .orElseThrow();
    }

    private static void onlyComplianceHolds(EvidenceService service, String caseRef, String contentId)
            throws Exception {
        for (Role role : NOT_COMPLIANCE) {
            assertThat(service.send("POST", "/api/v1/evidence/cases/" + caseRef + "/hold", role, "{\"reason\":\"x\"}")
                            .status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(service.send(
                                    "POST",
                                    "/api/v1/evidence/content-holds",
                                    role,
                                    "{\"contentId\":\"" + contentId + "\",\"reason\":\"x\"}")
                            .status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(service.send("DELETE", "/api/v1/evidence/content-holds?contentId=" + contentId, role, "")
                            .status())
                    .as(role.name())
                    .isEqualTo(403);
        }
        assertThat(service.send(
                                "POST",
                                "/api/v1/evidence/content-holds",
                                Role.COMPLIANCE,
                                "{\"contentId\":\"" + contentId + "\",\"reason\":\"x\","
                                        + "\"until\":\"2001-01-01T00:00:00Z\"}")
                        .status())
                .as("a hold's end lies in the future")
                .isEqualTo(422);
    }

    private static void ageExports(EvidenceService service, Instant at) {
        service.bean(JdbcClient.class)
                .sql("UPDATE evidence_export SET exported_at = :at")
                .param("at", service.bean(SqlDialect.class).bind(SqlDialect.truncate(at)))
                .update();
    }

    private static List<String> exportIds(EvidenceService service) {
        return service.bean(JdbcClient.class)
                .sql("SELECT id FROM evidence_export")
                .query(String.class)
                .list();
    }

    private static List<org.redress.server.media.StoredMedia> media(EvidenceService service, String contentId) {
        return service.bean(Media.class).forContent(new ContentId(contentId));
    }

    /** Media schedules no purge of its own: the one sweep is the only scheduled work that deletes images. */
    private static void onlyTheSweepIsScheduledToPurge(EvidenceService service) {
        List<String> scheduled = service
                .context()
                .getBeansOfType(org.springframework.scheduling.config.ScheduledTaskHolder.class)
                .values()
                .stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().toString())
                .toList();
        assertThat(scheduled)
                .as("scheduled work")
                .anyMatch(task -> task.contains("evidence.RetentionSchedule"))
                .noneMatch(task -> task.contains(".media."));
    }

    private static Instant expiry(EvidenceService service, String contentId) {
        return service.bean(Media.class)
                .forContent(new ContentId(contentId))
                .getFirst()
                .expiresAt();
    }

    private static void claimedElsewhereDoesNotRun(EvidenceService service) {
        var dialect = service.bean(SqlDialect.class);
        service.bean(JdbcClient.class)
                .sql("UPDATE evidence_sweep SET claimed_by = 'another', claimed_until = :until")
                .param("until", dialect.bind(SqlDialect.truncate(Instant.now().plusSeconds(3600))))
                .update();
        assertThat(service.bean(RetentionSweep.class).sweep().ran()).isFalse();
    }
}
