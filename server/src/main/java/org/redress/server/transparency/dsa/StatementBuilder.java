package org.redress.server.transparency.dsa;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.server.enforcement.DeliveryType;
import org.redress.server.enforcement.EnforcementRestrictions.Restriction;
import org.redress.server.intake.ReportReason;
import org.redress.server.review.Origin;
import org.redress.server.review.Outcome;
import org.redress.server.review.ReviewCaseFacts.CaseFacts;
import org.redress.server.review.Source;

/**
 * One restriction as a statement of reasons in the DSA Transparency Database's schema (field names
 * and values of its API documentation, as of the schema of 1 July 2025; the repository's
 * {@code transparency/dsa-statement.schema.json} holds the fields it requires). The statement
 * carries no personal data (Art. 24(5)): no content, uploader or reporter id, no name and nothing
 * anyone wrote; {@code puid} is Redress's id of the webhook that asked for the restriction.
 */
final class StatementBuilder {

    private static final String CSAM_CATEGORY = "STATEMENT_CATEGORY_PROTECTION_OF_MINORS";
    private static final String CSAM_KEYWORD = "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL";

    private final Grounds grounds;
    private final List<String> territorialScope;

    StatementBuilder(Grounds grounds, List<String> territorialScope) {
        this.grounds = grounds;
        this.territorialScope = List.copyOf(territorialScope);
    }

    /** The platform-unique id of a restriction's statement, fit for the Database's {@code puid}. */
    static String puid(Restriction restriction) {
        return "redress-" + restriction.id().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * The statement of one restriction.
     *
     * @param facts the facts of the restriction's case, when it belongs to one
     * @param jurisdiction the code of the jurisdiction declared for the content or uploader
     */
    Map<String, Object> statement(Restriction restriction, Optional<CaseFacts> facts, String jurisdiction) {
        var s = new LinkedHashMap<String, Object>();
        DeliveryType type = restriction.type();
        switch (type) {
            case ACCOUNT_SUSPEND -> {
                s.put("decision_account", "DECISION_ACCOUNT_SUSPENDED");
                restriction.until().ifPresent(until -> s.put("end_date_account_restriction", day(until)));
            }
            case CONTENT_HIDE -> s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"));
            default -> s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"));
        }
        s.putAll(grounds.ground(facts.flatMap(CaseFacts::basis), jurisdiction, explanation(type)));
        Optional<ReportReason> reason = facts.flatMap(CaseFacts::reason).flatMap(ReportReason::named);
        s.put("content_type", contentTypes(reason));
        boolean csam = facts.flatMap(CaseFacts::restriction)
                .filter(o -> o == Outcome.REFER)
                .isPresent();
        s.put("category", csam ? CSAM_CATEGORY : ReportReason.DSA_CATEGORY);
        s.put(
                "category_specification",
                List.of(
                        csam
                                ? CSAM_KEYWORD
                                : reason.orElse(ReportReason.DEFAULT).dsaKeyword()));
        s.put("territorial_scope", territorialScope);
        // The date the content was posted is the platform's; Redress knows it existed when the
        // case came in (or when the upload was checked), which is what it states.
        s.put("content_date", day(facts.map(CaseFacts::receivedAt).orElse(restriction.at())));
        s.put("application_date", day(restriction.at()));
        s.put("decision_facts", facts(type, facts, restriction.provisional()));
        s.put("source_type", sourceType(type, facts));
        s.put("automated_detection", detectedAutomatically(type, facts) ? "Yes" : "No");
        s.put("automated_decision", automatedDecision(type));
        s.put("puid", puid(restriction));
        return s;
    }

    private static List<String> contentTypes(Optional<ReportReason> reason) {
        var types = new ArrayList<String>();
        types.add("CONTENT_TYPE_IMAGE");
        if (reason.filter(r -> r == ReportReason.FAKE_OR_ALTERED).isPresent()) {
            types.add("CONTENT_TYPE_SYNTHETIC_MEDIA");
        }
        return types;
    }

    private static String explanation(DeliveryType type) {
        return switch (type) {
            case UPLOAD_BLOCKED ->
                "The upload matched the fingerprint of an intimate image shared, or reported as shared, without "
                        + "the consent of the person shown.";
            case CONTENT_HIDE ->
                "The item was reported as an intimate image shared without the consent of the person shown, and "
                        + "is hidden while a moderator reviews the report.";
            case ACCOUNT_SUSPEND ->
                "The account repeatedly shared intimate images without the consent of the people shown; it was "
                        + "warned before it was suspended.";
            default ->
                "A moderator judged the item to be an intimate image shared without the consent of the "
                        + "person shown.";
        };
    }

    private static String facts(DeliveryType type, Optional<CaseFacts> facts, boolean provisional) {
        String how = facts.map(f -> switch (f.source()) {
                    case REGULATOR -> "A notice from a public authority reported the item.";
                    case TRUSTED_FLAGGER -> "A notice from a trusted flagger reported the item.";
                    case PERSON_DEPICTED, BYSTANDER -> "A notice under Article 16 reported the item.";
                    case HASH_MATCH -> "Automated hash matching found the item.";
                    case UPLOADER -> "The uploader appealed.";
                })
                .orElse("Automated hash matching found the item.");
        return switch (type) {
            case UPLOAD_BLOCKED ->
                provisional
                        ? "The upload matched the hash of an image the person shown asked to protect; it was not "
                                + "published, and a moderator checks the match."
                        : "The upload matched the hash of an image a moderator had judged to be shared without "
                                + "consent; it was not published.";
            case CONTENT_HIDE -> how + " The item is hidden until a moderator decides.";
            case ACCOUNT_SUSPEND ->
                "Removals of intimate images shared without consent, each confirmed by a moderator, reached the "
                        + "number that leads to suspension, after a prior warning.";
            default -> how + " A moderator reviewed it and decided to remove it.";
        };
    }

    private static String sourceType(DeliveryType type, Optional<CaseFacts> facts) {
        if (type == DeliveryType.UPLOAD_BLOCKED || type == DeliveryType.ACCOUNT_SUSPEND) {
            return "SOURCE_VOLUNTARY";
        }
        Source source = facts.map(CaseFacts::source).orElse(Source.HASH_MATCH);
        return switch (source) {
            case TRUSTED_FLAGGER -> "SOURCE_TRUSTED_FLAGGER";
            case PERSON_DEPICTED, BYSTANDER -> "SOURCE_ARTICLE_16";
            case REGULATOR -> "SOURCE_TYPE_OTHER_NOTIFICATION";
            case HASH_MATCH, UPLOADER -> "SOURCE_VOLUNTARY";
        };
    }

    private static boolean detectedAutomatically(DeliveryType type, Optional<CaseFacts> facts) {
        if (type == DeliveryType.UPLOAD_BLOCKED) {
            return true;
        }
        return facts.map(f -> f.origin() == Origin.MATCH || f.origin() == Origin.PROVISIONAL)
                .orElse(false);
    }

    /**
     * A block and the hide on receipt are taken by rules without a person; a suspension follows
     * from removals each decided by a person; a removal is a person's decision.
     */
    private static String automatedDecision(DeliveryType type) {
        return switch (type) {
            case UPLOAD_BLOCKED, CONTENT_HIDE -> "AUTOMATED_DECISION_FULLY";
            case ACCOUNT_SUSPEND -> "AUTOMATED_DECISION_PARTIALLY";
            default -> "AUTOMATED_DECISION_NOT_AUTOMATED";
        };
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
