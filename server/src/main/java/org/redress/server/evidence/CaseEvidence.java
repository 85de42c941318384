package org.redress.server.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.enforcement.Delivery;
import org.redress.server.intake.PoliceShareRequest;
import org.redress.server.intake.PoliceSharing;
import org.redress.server.media.Media;
import org.redress.server.media.StoredMedia;
import org.redress.server.review.CaseContent;
import org.redress.server.review.CaseFile;
import org.redress.server.review.Review;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ImageFileTypes;
import org.redress.server.storage.DerivedKeys;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers the files of a bundle, other than the manifest and its signature, from the modules that
 * own the facts: review (the case file, which carries intake's reports and enforcement's
 * deliveries), media (the images as received) and audit (the entries about the case, its content
 * and its deliveries). Uploaders appear under a keyed pseudonym that the operator, holding the data
 * key, can resolve on a lawful request; reporters' contact details are never included.
 */
@Component
class CaseEvidence {

    /** Follows a chain of linked cases this far at most. */
    private static final int MAX_LINKED = 20;

    static final String PSEUDONYM_PURPOSE = "evidence.uploader-pseudonym.v1";

    private static final ObjectWriter JSON = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private final Review review;
    private final Media media;
    private final AuditTrail audit;
    private final EvidenceRecords records;
    private final byte[] pseudonymKey;
    private final PoliceSharing policeSharing;
    private final Clock clock;

    CaseEvidence(
            Review review,
            Media media,
            AuditTrail audit,
            EvidenceRecords records,
            DerivedKeys keys,
            PoliceSharing policeSharing,
            Clock clock) {
        this.policeSharing = policeSharing;
        this.clock = clock;
        this.review = review;
        this.media = media;
        this.audit = audit;
        this.records = records;
        this.pseudonymKey = keys.derive(PSEUDONYM_PURPOSE);
    }

    /**
     * The case and the cases linked with it both ways, the asked-for case first: the case it links to
     * (the original of an appeal or a copy) and on up that chain, and the cases that link to it (its
     * appeals, the copies its hash found) and theirs, breadth first, at most {@value #MAX_LINKED}.
     */
    List<CaseRef> casesOf(CaseRef ref) {
        Set<CaseRef> cases = new LinkedHashSet<>();
        var next = new java.util.ArrayDeque<CaseRef>();
        next.add(ref);
        while (!next.isEmpty() && cases.size() < MAX_LINKED) {
            CaseRef each = next.poll();
            if (!cases.add(each)) {
                continue;
            }
            review.find(each).linkedCase().ifPresent(next::add);
            next.addAll(review.casesLinkingTo(each, MAX_LINKED));
        }
        return List.copyOf(cases);
    }

    /** The files, in the order the ZIP lists them; {@code subjects} collects ids for the audit slice. */
    Map<String, byte[]> files(List<CaseRef> cases, Set<String> subjects) {
        var files = new LinkedHashMap<String, byte[]>();
        var hashes = new ArrayList<Map<String, Object>>();
        var seenImages = new TreeSet<String>();
        for (CaseRef ref : cases) {
            CaseFile file = review.caseFile(ref);
            String dir = "cases/" + ref.value() + "/";
            subjects.add(ref.value());
            file.contents().forEach(content -> subjects.add(content.contentId()));
            file.deliveries().forEach(delivery -> subjects.add(delivery.id().toString()));
            files.put(dir + "case.json", json(caseView(file)));
            files.put(dir + "reports.json", json(file.reports()));
            files.put(dir + "complaints.json", json(file.complaints()));
            files.put(dir + "decisions.json", json(file.decisions()));
            files.put(
                    dir + "deliveries.json",
                    json(file.deliveries().stream()
                            .map(CaseEvidence::deliveryView)
                            .toList()));
            files.put(dir + "history.json", json(file.history()));
            files.put(dir + "police-share.json", json(policeShare(ref)));
            for (StoredMedia stored : review.media(ref)) {
                if (seenImages.add(stored.id().value())) {
                    byte[] image = media.open(stored.id());
                    String path = "content/" + stored.id().value() + "." + ImageFileTypes.extensionOf(image);
                    files.put(path, image);
                    hashes.add(imageView(path, stored, image));
                } else {
                    hashes.add(referenceView(stored));
                }
            }
        }
        files.put("content/hashes.json", json(hashes));
        return files;
    }

    /** The audit entries about the case's objects, and the state of the whole chain at export. */
    Map<String, byte[]> auditSlice(Set<String> subjects) {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("audit/entries.json", json(audit.about(subjects)));
        var chain = new LinkedHashMap<String, Object>();
        switch (audit.verify()) {
            case ChainVerification.Intact intact -> {
                chain.put("intact", true);
                chain.put("entries", intact.entries());
            }
            case ChainVerification.Broken broken -> {
                chain.put("intact", false);
                chain.put("entries", broken.entries());
                chain.put("brokenAt", broken.seq());
                chain.put("reason", broken.reason());
            }
        }
        audit.head().ifPresent(head -> {
            chain.put("headSeq", head.seq());
            chain.put("headHash", head.entryHash());
        });
        files.put("audit/chain.json", json(chain));
        return files;
    }

    /**
     * The reporters' requests that the case be shared with the police, with the crime reference
     * each gave: the request is their consent, so the reference is included only where they asked.
     */
    private Map<String, Object> policeShare(CaseRef ref) {
        List<PoliceShareRequest> requests = policeSharing.requests(ref);
        var view = new LinkedHashMap<String, Object>();
        view.put("reporterConsented", !requests.isEmpty());
        view.put(
                "requests",
                requests.stream()
                        .map(r -> {
                            var each = new LinkedHashMap<String, Object>();
                            each.put("requestedAt", r.requestedAt().toString());
                            each.put("crimeReference", r.crimeReference().orElse(null));
                            return each;
                        })
                        .toList());
        return view;
    }

    private Map<String, Object> caseView(CaseFile file) {
        var view = new LinkedHashMap<String, Object>();
        view.put("case", file.reviewCase());
        view.put("contents", file.contents().stream().map(this::contentView).toList());
        view.put("matches", file.matches());
        return view;
    }

    private Map<String, Object> contentView(CaseContent content) {
        var view = new LinkedHashMap<String, Object>();
        view.put("contentId", content.contentId());
        view.put("locatorIsUrl", content.contentId().matches("(?i)https?://.*"));
        view.put("uploaderPseudonym", content.uploaderId().map(this::pseudonym).orElse(null));
        view.put("removalDelivery", content.removalDelivery().orElse(null));
        view.put(
                "removalRequestedAt",
                content.removalRequestedAt().map(Object::toString).orElse(null));
        view.put("removedAt", content.removedAt().map(Object::toString).orElse(null));
        return view;
    }

    private static Map<String, Object> deliveryView(Delivery delivery) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", delivery.id().toString());
        view.put("type", delivery.type());
        view.put("contentId", delivery.contentId().orElse(null));
        view.put("state", delivery.state());
        view.put("createdAt", delivery.createdAt().toString());
        view.put("attempts", delivery.attempts());
        view.put("lastStatus", delivery.lastStatus().orElse(null));
        view.put("lastError", delivery.lastError().orElse(null));
        view.put(
                "acknowledgedAt",
                delivery.acknowledgedAt().map(Object::toString).orElse(null));
        view.put("givenUpAt", delivery.givenUpAt().map(Object::toString).orElse(null));
        return view;
    }

    private Map<String, Object> imageView(String path, StoredMedia stored, byte[] image) {
        var view = referenceView(stored);
        view.put("file", path);
        view.putAll(ContentFacts.hashes(image));
        return view;
    }

    private Map<String, Object> referenceView(StoredMedia stored) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mediaId", stored.id().value());
        view.put("contentId", stored.contentId().value());
        view.put("receivedAt", stored.receivedAt().toString());
        view.put("retainedUntil", stored.expiresAt().toString());
        view.put("heldForReview", stored.held());
        view.put("legalHold", records.contentHeld(stored.contentId().value(), clock.instant()));
        return view;
    }

    /** The same account always gets the same pseudonym under one data key. */
    String pseudonym(String uploaderId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            byte[] tag = mac.doFinal(uploaderId.getBytes(StandardCharsets.UTF_8));
            return "u1:" + java.util.HexFormat.of().formatHex(tag, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
