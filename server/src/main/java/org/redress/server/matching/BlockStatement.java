package org.redress.server.matching;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.Jurisdiction;

/**
 * The statement of reasons of an automated block (EU DSA Art. 17(3): the restriction, the facts,
 * that automated means decided, the ground and the ways to seek redress) with the short deterrence
 * message the platform can show the uploader. It goes out in the check's answer and as the
 * {@code upload.blocked} webhook. It names no bank entry's origin and no person.
 *
 * @param contentId the blocked upload
 * @param decidedAt when the check answered
 * @param provisional whether only entries no person has confirmed matched: a moderator then checks
 *     the match, and a wrong one is undone ({@code content.restore})
 * @param appealUrl where the uploader appeals, when the service has such a page
 *     ({@code redress.matching.appeal-url})
 * @param deterrence the message for the uploader, by jurisdiction
 * @param ground whose law the legal ground cites: the jurisdiction the check declared, else the
 *     platform's default ({@code redress.jurisdiction.default}), else the UK and US pair every block
 *     cited before jurisdictions were declared (ADR 0023, ADR 0032)
 * @param groundCode the code {@code ground} was read from (an EU state's code is kept as given), which
 *     the DSA statement of the block cites
 */
public record BlockStatement(
        String contentId,
        Instant decidedAt,
        boolean provisional,
        Optional<String> appealUrl,
        Deterrence deterrence,
        Jurisdiction ground,
        String groundCode) {

    /** A block on the ground of a jurisdiction, read from its own name. */
    public BlockStatement(
            String contentId,
            Instant decidedAt,
            boolean provisional,
            Optional<String> appealUrl,
            Deterrence deterrence,
            Jurisdiction ground) {
        this(contentId, decidedAt, provisional, appealUrl, deterrence, ground, ground.name());
    }

    /** A block whose check declared no jurisdiction, on a platform that set no default. */
    public BlockStatement(
            String contentId,
            Instant decidedAt,
            boolean provisional,
            Optional<String> appealUrl,
            Deterrence deterrence) {
        this(contentId, decidedAt, provisional, appealUrl, deterrence, Jurisdiction.UK_AND_US);
    }

    /** Six months at least (EU DSA Art. 20(1)). */
    static final String APPEAL_WITHIN = "P6M";

    /**
     * A short message for the uploader.
     *
     * @param jurisdiction whose law the message quotes
     * @param message the text, a sentence or two
     */
    public record Deterrence(String jurisdiction, String message) {
        public Deterrence {
            Objects.requireNonNull(jurisdiction, "jurisdiction");
            Objects.requireNonNull(message, "message");
        }

        public Map<String, Object> toMap() {
            return Map.of("jurisdiction", jurisdiction, "message", message);
        }
    }

    public BlockStatement {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(appealUrl, "appealUrl");
        Objects.requireNonNull(deterrence, "deterrence");
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(groundCode, "groundCode");
    }

    /** The statement as the platform receives it. */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("contentId", contentId);
        map.put("decidedAt", decidedAt.toString());
        map.put(
                "restriction",
                Map.of(
                        "type", "UPLOAD_BLOCKED",
                        "scope", "The upload was not published.",
                        "duration", provisional ? "UNTIL_REVIEWED" : "INDEFINITE"));
        map.put(
                "facts",
                provisional
                        ? "The upload matched the fingerprint of an image that the person shown asked to protect. "
                                + "A moderator will check the match; if it was wrong, the upload is restored."
                        : "The upload matched the fingerprint of an image that a moderator judged to be intimate "
                                + "image content shared without consent.");
        map.put(
                "automatedMeans",
                Map.of(
                        "detection",
                        true,
                        "decision",
                        true,
                        "explanation",
                        "The upload was blocked by automated hash matching, without a person looking at it."));
        var legalGround = new LinkedHashMap<String, Object>();
        legalGround.put("ground", "Intimate image abuse: sharing an intimate image without consent");
        legalGround.put("provisions", ground.provisions());
        if (ground != Jurisdiction.UK_AND_US) {
            legalGround.put("jurisdiction", ground.name());
            legalGround.put("jurisdictionCode", groundCode);
        }
        map.put("legalGround", legalGround);
        var redress = new LinkedHashMap<String, Object>();
        // Every automated block is looked at by a person: a provisional one in its entry's case,
        // where a wrong match is undone; a confirmed one because a moderator judged the image.
        redress.put(
                "humanReview",
                provisional
                        ? "A moderator checks this block; if the match is wrong, the upload is restored."
                        : "A moderator judged this image before it was added to the block list.");
        appealUrl.ifPresent(url -> redress.put(
                "internalAppeal",
                Map.of(
                        "url",
                        url,
                        "within",
                        APPEAL_WITHIN,
                        "note",
                        "Appeals are decided by a person, never by automated means alone.")));
        // Whether or not the platform has an appeal form of its own, the uploader can always complain
        // through the platform, which files it with Redress (Ofcom ICU D11; ADR 0016).
        redress.put(
                "internalComplaint",
                Map.of(
                        "how",
                        "Ask the platform where you uploaded to pass on your complaint. A person decides it and "
                                + "you get an answer with its outcome.",
                        "within",
                        APPEAL_WITHIN,
                        "platformRoute",
                        "POST /api/v1/block-complaints"));
        redress.put(
                "outOfCourtDisputeSettlement", "A certified out-of-court dispute settlement body (EU DSA Art. 21).");
        redress.put("judicialRedress", "The courts of your country.");
        map.put("redress", redress);
        return map;
    }
}
