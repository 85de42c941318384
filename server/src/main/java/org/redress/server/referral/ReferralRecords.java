package org.redress.server.referral;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.redress.server.intake.ReportSummary;
import org.redress.server.media.Media;
import org.redress.server.media.StoredMedia;
import org.redress.server.review.CaseContent;
import org.redress.server.review.CaseFile;
import org.redress.server.review.CaseMatch;
import org.redress.server.review.RecordedDecision;
import org.redress.server.review.Review;
import org.redress.server.shared.CaseRef;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a referral's report from the case as review holds it: the CyberTipline report for NCMEC
 * (checked against the schema), or the NCA record with the information S.I. 2026/268 Schedule 1
 * asks for, as far as this service holds it. Redress never sees the platform's users' IP
 * addresses, e-mail addresses or identity documents; the record says so, and names the uploader
 * by the platform's own id so the platform can supply the rest on request.
 */
@Component
class ReferralRecords {

    /** How long the agency's reference is kept (S.I. 2026/268 reg. 20). */
    static final Period KEEP_REFERENCE = Period.ofYears(5);

    /** How long the reported content and data are kept (S.I. 2026/268 reg. 19). */
    static final Period KEEP_CONTENT = Period.ofYears(1);

    private static final ObjectWriter JSON = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private final Review review;
    private final Media media;
    private final ReferralSettings settings;

    ReferralRecords(Review review, Media media, ReferralSettings settings) {
        this.review = review;
        this.media = media;
        this.settings = settings;
    }

    /** The report for the agency, as the text that is sealed, stored and sent. */
    String build(CaseRef ref, Agency agency, Instant decidedAt) {
        CaseFile file = review.caseFile(ref);
        return switch (agency) {
            case NCMEC -> {
                String xml = cyberTipline(file).xml();
                CyberTiplineSchema.check(xml);
                yield xml;
            }
            case NCA -> JSON.writeValueAsString(nca(file, decidedAt));
        };
    }

    /**
     * The case's stored images to upload with its CyberTipline report, each file once: media's id
     * and the content id it was first kept under, oldest first.
     */
    List<Map.Entry<String, String>> files(CaseRef ref) {
        var files = new LinkedHashMap<String, String>();
        review.media(ref).stream()
                .sorted(java.util.Comparator.comparing(StoredMedia::receivedAt))
                .forEach(stored -> files.putIfAbsent(
                        stored.id().value(), stored.contentId().value()));
        return List.copyOf(files.entrySet());
    }

    CyberTiplineReport cyberTipline(CaseFile file) {
        List<String> uploaders = uploaders(file);
        var info = new StringBuilder()
                .append("Redress case ")
                .append(file.reviewCase().ref().value())
                .append(". Found by: ")
                .append(file.reviewCase()
                        .source()
                        .name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '))
                .append(". Content ids: ")
                .append(String.join(", ", contentIds(file)))
                .append(". Reported as showing a person under 18: ")
                .append(reportedUnder18(file) ? "yes" : "no")
                .append('.');
        if (uploaders.size() > 1) {
            info.append(" Further uploaders (platform ids): ")
                    .append(String.join(", ", uploaders.subList(1, uploaders.size())))
                    .append('.');
        }
        return new CyberTiplineReport(
                firstSeen(file),
                contentIds(file).stream().filter(ReferralRecords::isUrl).toList(),
                settings.reporterFirstName(),
                settings.reporterLastName(),
                settings.reporterEmail(),
                uploaders.stream().findFirst(),
                info.toString());
    }

    private Map<String, Object> nca(CaseFile file, Instant decidedAt) {
        var record = new LinkedHashMap<String, Object>();
        record.put("regulations", "S.I. 2026/268 Schedule 1");
        record.put("provider", settings.providerName());
        record.put(
                "authorisedPerson",
                Map.of(
                        "name",
                        settings.reporterFirstName() + " " + settings.reporterLastName(),
                        "email",
                        settings.reporterEmail()));
        record.put("caseReference", file.reviewCase().ref().value());
        record.put("priority", review.threats(file.reviewCase().ref()).isEmpty() ? "standard" : "immediate risk");
        record.put("detectedAt", firstSeen(file).toString());
        record.put("detectedBy", file.reviewCase().source().name());
        record.put("decidedAt", decidedAt.toString());
        record.put("decision", decision(file));
        record.put("reportedUnder18", reportedUnder18(file));
        record.put("content", file.contents().stream().map(this::contentView).toList());
        record.put("files", hashes(file.reviewCase().ref()));
        record.put(
                "matches",
                file.matches().stream().map(ReferralRecords::matchView).toList());
        record.put(
                "users",
                uploaders(file).stream().map(u -> Map.of("platformUserId", u)).toList());
        record.put(
                "notHeldByThisService",
                List.of(
                        "IP addresses and port numbers",
                        "user e-mail addresses and telephone numbers",
                        "identity documents",
                        "connections with other accounts",
                        "exif data beyond the file"));
        record.put(
                "reports",
                file.reports().stream().map(ReferralRecords::reportView).toList());
        record.put(
                "referenceRetainedUntil",
                decidedAt
                        .atOffset(ZoneOffset.UTC)
                        .plus(KEEP_REFERENCE)
                        .toInstant()
                        .toString());
        record.put(
                "contentRetainedUntil",
                decidedAt
                        .atOffset(ZoneOffset.UTC)
                        .plus(KEEP_CONTENT)
                        .toInstant()
                        .toString());
        record.put(
                "declaration",
                "All the information reasonably available to this service about the content and the user has "
                        + "been included; the platform holds the account data listed as not held here.");
        return record;
    }

    private static Map<String, Object> decision(CaseFile file) {
        var view = new LinkedHashMap<String, Object>();
        file.decisions().stream()
                .filter(d -> d.outcome() == org.redress.server.review.Outcome.REFER)
                .reduce((first, second) -> second)
                .ifPresent((RecordedDecision d) -> {
                    view.put("id", d.id());
                    view.put("decidedBy", d.decidedBy());
                    view.put("basis", d.basis().map(Enum::name).orElse(null));
                    view.put("statement", d.statement().orElse(null));
                });
        return view;
    }

    private Map<String, Object> contentView(CaseContent content) {
        var view = new LinkedHashMap<String, Object>();
        view.put("location", content.contentId());
        view.put("locationIsUrl", isUrl(content.contentId()));
        view.put("platformUserId", content.uploaderId().orElse(null));
        view.put(
                "removalRequestedAt",
                content.removalRequestedAt().map(Instant::toString).orElse(null));
        view.put("removedAt", content.removedAt().map(Instant::toString).orElse(null));
        return view;
    }

    private static Map<String, Object> matchView(CaseMatch match) {
        var view = new LinkedHashMap<String, Object>();
        view.put("contentId", match.contentId());
        view.put("bank", match.bank());
        view.put("distance", match.distance());
        view.put("foundAt", match.foundAt().toString());
        return view;
    }

    private static Map<String, Object> reportView(ReportSummary report) {
        var view = new LinkedHashMap<String, Object>();
        view.put("receivedAt", report.receivedAt().toString());
        view.put("reporterRole", report.reporterRole().name());
        view.put("subjectWasUnder18", report.subjectWasUnder18());
        view.put("description", report.description().orElse(null));
        return view;
    }

    private List<Map<String, Object>> hashes(CaseRef ref) {
        var files = new ArrayList<Map<String, Object>>();
        for (StoredMedia stored : review.media(ref)) {
            byte[] image = media.open(stored.id());
            var view = new LinkedHashMap<String, Object>();
            view.put("contentId", stored.contentId().value());
            view.put("receivedAt", stored.receivedAt().toString());
            view.put("bytes", image.length);
            view.put("sha256", digest("SHA-256", image));
            view.put("md5", digest("MD5", image));
            files.add(view);
        }
        return files;
    }

    private static Instant firstSeen(CaseFile file) {
        return Stream.concat(
                        Stream.of(file.reviewCase().receivedAt()),
                        Stream.concat(
                                file.reports().stream().map(ReportSummary::receivedAt),
                                file.matches().stream().map(CaseMatch::foundAt)))
                .min(Instant::compareTo)
                .orElseThrow();
    }

    private static List<String> contentIds(CaseFile file) {
        return file.contents().stream().map(CaseContent::contentId).toList();
    }

    private static List<String> uploaders(CaseFile file) {
        return file.contents().stream()
                .map(CaseContent::uploaderId)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    private static boolean reportedUnder18(CaseFile file) {
        return file.reports().stream().anyMatch(ReportSummary::subjectWasUnder18);
    }

    static boolean isUrl(String contentId) {
        return contentId.matches("(?i)https?://\\S+");
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
