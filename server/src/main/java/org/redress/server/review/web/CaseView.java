package org.redress.server.review.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.intake.ReportReason;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.Matching;
import org.redress.server.review.CaseMatch;
import org.redress.server.review.HistoryEntry;
import org.redress.server.review.HistoryStep;
import org.redress.server.review.RecordedDecision;
import org.redress.server.shared.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case page's words for what the case file holds as codes: history lines, where a match's bank
 * entry came from, and the statement of reasons sent to the uploader.
 */
final class CaseView {

    /** A match with what it matched: the entry's origin and, for a banked removal, which variant. */
    record MatchRow(
            String contentId,
            String bank,
            long entryId,
            int distance,
            String found,
            String origin,
            @Nullable String originCase,
            String variant) {}

    /**
     * What the reports say happened and how the law reads it, in words for the case page.
     *
     * @param reason the reason in words
     * @param offences the offences it reads as
     * @param urgent whether the queue marks the case urgent
     * @param osaHarm the kind of priority illegal content under the UK Online Safety Act 2023
     * @param dsa the DSA Transparency Database category and keyword
     */
    record Offence(String reason, String offences, boolean urgent, String osaHarm, String dsa) {}

    /** One field of a statement of reasons, labelled in words. */
    record Field(String label, String value) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("OPENED", "Case opened"),
            Map.entry("REPORT_JOINED", "Another report joined the case"),
            Map.entry("REOPENED", "Reopened by a new report"),
            Map.entry("HIDE_REQUESTED", "Asked the platform to hide the content while the case waits"),
            Map.entry("WITHDRAWN", "Every report was withdrawn"),
            Map.entry("MATCH_JOINED", "A hash match joined the case"),
            Map.entry("REOPENED_BY_COMPLAINT", "Reopened by a complaint"),
            Map.entry("ESCALATED_BY_COMPLAINT", "Sent to the senior moderators by a complaint"),
            Map.entry("COMPLAINT_RECEIVED", "Complaint received"),
            Map.entry("CLAIMED", "Claimed"),
            Map.entry("CLAIM_RENEWED", "Claim renewed"),
            Map.entry("RELEASED", "Released to the queue"),
            Map.entry("REASSIGNED", "Reassigned"),
            Map.entry("DECIDED_REMOVE", "Decided: remove"),
            Map.entry("DECIDED_NO_VIOLATION", "Decided: no violation"),
            Map.entry("DECIDED_ESCALATE", "Escalated to a senior moderator"),
            Map.entry("DECIDED_LIFT_DEADLINE", "Decided: the 48-hour deadline does not apply (s.10(3B))"),
            Map.entry("DECIDED_REFER", "Decided: refer (the person shown is under 18)"),
            Map.entry("REFERRAL_RECORDED", "Referral recorded"),
            Map.entry("REMOVAL_REQUESTED", "Asked the platform to remove the content"),
            Map.entry("REMOVAL_CONFIRMED", "The platform confirmed the removal"),
            Map.entry("HASHES_BANKED", "Removed content's hashes banked"),
            Map.entry("NO_HASHES_TO_BANK", "No hashes of the removed content to bank"),
            Map.entry("REMOVED", "Every item removed: the clock stopped"),
            Map.entry("SUSPENSION_REQUESTED", "Asked the platform to suspend the uploader"),
            Map.entry("THREAT_MARKED", "Marked as a threat to life or safety"),
            Map.entry("THREAT_NOTIFIED", "The law-enforcement contact was told of the threat"),
            Map.entry("DEADLINE_WARNING", "Deadline close"),
            Map.entry("DEADLINE_BREACHED", "Deadline passed"),
            Map.entry("MEDIA_REVEALED", "Image revealed"),
            Map.entry("DELIVERY_GIVEN_UP", "The platform never confirmed; retries stopped"));

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("REGULATOR", "a regulator's notice"),
            Map.entry("TRUSTED_FLAGGER", "a trusted flagger's report"),
            Map.entry("PERSON_DEPICTED", "a report by the person shown"),
            Map.entry("BYSTANDER", "a report by someone else"),
            Map.entry("HASH_MATCH", "a hash match"),
            Map.entry("ILLEGAL_CONTENT", "illegal content"),
            Map.entry("TERMS_OF_SERVICE", "breach of the terms of service"),
            Map.entry("NOT_INTIMATE_IMAGE_CONTENT", "not intimate image content"),
            Map.entry("REPORTER_NOT_SUBJECT_OR_AUTHORISED", "reporter is neither the person shown nor acting for them"),
            Map.entry("CONTENT_NOT_FOUND", "content not found on the platform"));

    private CaseView() {}

    /** The case's reason in words, with its offences, its OSA harm and its DSA category. */
    static Offence offence(ReportReason reason) {
        String words = switch (reason) {
            case SHARED_WITHOUT_CONSENT -> "Shared without consent";
            case THREATENED_TO_SHARE -> "Threatened to be shared (sextortion)";
            case FAKE_OR_ALTERED -> "A fake or altered image (deepfake)";
            case TAKEN_WITHOUT_CONSENT -> "Taken without consent";
            case CYBERFLASHING -> "Cyberflashing";
        };
        String offences = switch (reason) {
            case SHARED_WITHOUT_CONSENT -> "SOA 2003 s.66B(1)-(3); 47 U.S.C. 223(h)(2)";
            case THREATENED_TO_SHARE -> "SOA 2003 s.66B(4); 47 U.S.C. 223(h)(6)";
            case FAKE_OR_ALTERED -> "SOA 2003 s.66B (appears to show), ss.66E-66F; 47 U.S.C. 223(h)(3)";
            case TAKEN_WITHOUT_CONSENT -> "SOA 2003 s.66AB";
            case CYBERFLASHING -> "SOA 2003 s.66A";
        };
        String harm = switch (reason.osaHarm()) {
            case INTIMATE_IMAGE_ABUSE -> "Intimate image abuse";
            case CYBERFLASHING -> "Cyberflashing";
        };
        return new Offence(words, offences, reason.urgent(), harm, reason.dsaCategory() + " / " + reason.dsaKeyword());
    }

    /** A history line in words: when, what (with its detail), and who. */
    static String history(HistoryEntry entry, DateTimeFormatter when) {
        String what =
                WHAT.getOrDefault(entry.what().name(), sentence(entry.what().name()));
        String detail = entry.detail()
                .map(d -> entry.what() == HistoryStep.HASHES_BANKED ? banked(d) : words(d, when))
                .orElse("");
        return when.format(entry.at()) + " · " + what + (detail.isEmpty() ? "" : " (" + detail + ")") + " · by "
                + actor(entry.actor());
    }

    /** "content-1 8" is "8 entries from content-1". */
    private static String banked(String detail) {
        int space = detail.lastIndexOf(' ');
        if (space < 0) {
            return detail;
        }
        String count = detail.substring(space + 1);
        return count + ("1".equals(count) ? " entry" : " entries") + " from " + detail.substring(0, space);
    }

    /** {@code STAFF:alice} is alice; the service's own steps are the service's. */
    static String actor(String actor) {
        int colon = actor.indexOf(':');
        String kind = colon < 0 ? actor : actor.substring(0, colon);
        String id = colon < 0 ? "" : actor.substring(colon + 1);
        return switch (kind) {
            case "STAFF" -> id;
            case "PUBLIC" -> "the reporter";
            case "API_CLIENT", "PLATFORM" -> "the platform";
            default -> "the service";
        };
    }

    /** Codes and timestamps in a detail as words; ids and names as they are. */
    static String words(String detail, DateTimeFormatter when) {
        List<String> out = new ArrayList<>();
        for (String token : detail.split(" ", -1)) {
            if (CODES.containsKey(token)) {
                out.add(CODES.get(token));
            } else if (token.matches("[A-Z][A-Z_]+")) {
                out.add(token.replace('_', ' ').toLowerCase(Locale.ROOT));
            } else {
                out.add(instant(token).map(when::format).orElse(token));
            }
        }
        return String.join(" ", out);
    }

    private static Optional<Instant> instant(String token) {
        if (token.length() < 20 || !Character.isDigit(token.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(token));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String sentence(String code) {
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** The match with its bank entry's origin, or a note that the entry is no longer in the bank. */
    static MatchRow match(CaseMatch match, Matching matching, DateTimeFormatter when) {
        String found =
                when.format(match.foundAt()) + (match.retroactive() ? " (scan of earlier uploads)" : " (at upload)");
        Optional<BankEntry> entry = entry(match, matching);
        if (entry.isEmpty()) {
            return new MatchRow(
                    match.contentId(),
                    match.bank(),
                    match.entryId(),
                    match.distance(),
                    found,
                    "no longer in the bank",
                    null,
                    "–");
        }
        var provenance = entry.get().provenance();
        String origin = switch (provenance.source()) {
            case SUBMISSION -> "a victim's hash submission, case";
            case CASE -> "a report's case";
            case DECISION -> "content removed by the decision on case";
            case IMPORT -> "import " + provenance.ref();
            case MANUAL -> "added by " + provenance.ref();
            case EXCHANGE -> "the hash exchange " + provenance.ref();
        };
        @Nullable
        String originCase =
                Matching.originatingCase(entry.get()).map(ref -> ref.value()).orElse(null);
        String variant = match.variant().map(CaseView::variantInWords).orElse("the same file (its digest)");
        return new MatchRow(
                match.contentId(), match.bank(), match.entryId(), match.distance(), found, origin, originCase, variant);
    }

    /**
     * {@code ROTATE_90} is "the banked image rotated by 90 degrees"; {@code ORIGINAL} "the banked
     * image"; a framing ({@code CENTRE_90}, {@code CORNER_TOP_LEFT_90}, {@code TILT_4}) says which
     * part of the banked image or which tilt matched, so the moderator knows to compare that part.
     */
    static String variantInWords(String variant) {
        String turned = variant.startsWith("TURNED_") ? variant.substring("TURNED_".length()) : variant;
        return switch (turned) {
            case "ORIGINAL" -> "the banked image";
            case "ROTATE_90" -> "the banked image rotated by 90 degrees";
            case "ROTATE_180" -> "the banked image rotated by 180 degrees";
            case "ROTATE_270" -> "the banked image rotated by 270 degrees";
            case "FLIP_X" -> "the banked image mirrored about the horizontal axis";
            case "FLIP_Y" -> "the banked image mirrored about the vertical axis";
            case "FLIP_PLUS_1" -> "the banked image mirrored about the main diagonal";
            case "FLIP_MINUS_1" -> "the banked image mirrored about the other diagonal";
            case "CENTRE_95", "CENTRE_90", "CENTRE_80" ->
                "the centre of the banked image (" + turned.substring("CENTRE_".length()) + "% of each side)";
            case "CORNER_TOP_LEFT_90" -> "the top-left 90% of the banked image (its right and bottom edges cut)";
            case "CORNER_TOP_RIGHT_90" -> "the top-right 90% of the banked image (its left and bottom edges cut)";
            case "CORNER_BOTTOM_LEFT_90" -> "the bottom-left 90% of the banked image (its right and top edges cut)";
            case "CORNER_BOTTOM_RIGHT_90" -> "the bottom-right 90% of the banked image (its left and top edges cut)";
            case "TILT_MINUS_8" -> "the banked image tilted by 8 degrees clockwise";
            case "TILT_MINUS_4" -> "the banked image tilted by 4 degrees clockwise";
            case "TILT_4" -> "the banked image tilted by 4 degrees anticlockwise";
            case "TILT_8" -> "the banked image tilted by 8 degrees anticlockwise";
            case "EDGE_TOP_90" -> "the top 90% of the banked image (its bottom edge cut)";
            case "EDGE_BOTTOM_90" -> "the bottom 90% of the banked image (its top edge cut)";
            case "EDGE_LEFT_90" -> "the left 90% of the banked image (its right edge cut)";
            case "EDGE_RIGHT_90" -> "the right 90% of the banked image (its left edge cut)";
            default -> "another form of the banked image (" + variant + ")";
        };
    }

    private static Optional<BankEntry> entry(CaseMatch match, Matching matching) {
        try {
            return Optional.of(matching.entry(new BankName(match.bank()), match.entryId()));
        } catch (DomainException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A statement of reasons not sent yet, as {@link #statement(RecordedDecision)} shows a sent one. */
    static List<Field> statement(Map<String, Object> body) {
        List<Field> fields = new ArrayList<>();
        flatten("", JSON.valueToTree(body), fields);
        return fields;
    }

    /** The statement of reasons the uploader received, field by field, or nothing when none went out. */
    static List<Field> statement(RecordedDecision decision) {
        List<Field> fields = new ArrayList<>();
        decision.statementOfReasons().ifPresent(text -> flatten("", JSON.readTree(text), fields));
        return fields;
    }

    private static void flatten(String label, JsonNode node, List<Field> out) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String name = label(field.getKey());
                flatten(label.isEmpty() ? name : label + " – " + name.toLowerCase(Locale.ROOT), field.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> flatten(label, item, out));
        } else if (node.isBoolean()) {
            out.add(new Field(label, node.asBoolean() ? "yes" : "no"));
        } else {
            out.add(new Field(label, node.asString()));
        }
    }

    /** {@code automatedMeans} is "Automated means". */
    private static String label(String camel) {
        String spaced = camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
