package org.redress.server.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.redress.server.review.CaseContent;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence module's facade: exports a case's signed bundle (recorded and audited), gives the
 * public key that checks bundles, lists a case's exports, and places and lifts legal holds on a
 * case.
 */
@Service
public class Evidence {

    static final int MAX_REASON = 500;

    private final CaseEvidence gather;
    private final SigningKeys keys;
    private final EvidenceRecords records;
    private final Review review;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Runnable lock;

    Evidence(
            CaseEvidence gather,
            SigningKeys keys,
            EvidenceRecords records,
            Review review,
            FieldCipher cipher,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            SqlDialect dialect) {
        this.gather = gather;
        this.keys = keys;
        this.records = records;
        this.review = review;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.lock = () -> dialect.serialize(jdbc, LegalHolds.LOCK);
    }

    /**
     * Builds the case's bundle, then records and audits the export in one short transaction: a
     * bundle whose export could not be recorded is not handed out. The bundle is built outside any
     * transaction, so decrypting images never holds SQLite's write lock.
     *
     * @param reason the request, order or reference the export answers
     * @throws EvidenceReasonInvalidException when the reason is blank or over 500 characters
     * @throws org.redress.server.review.ReviewCaseNotFoundException when there is no such case
     */
    public EvidenceBundle export(Actor actor, CaseRef ref, String reason) {
        String why = checkedReason(reason);
        return build(actor, ref, gather.casesOf(ref), why, null, manifest -> {});
    }

    /**
     * Builds the bundle of a law-enforcement request's cases for it: the manifest and
     * {@code request.json} name the request. {@code recordStep} runs in the transaction that records
     * the export, with the manifest's SHA-256, so the request's custody and the export commit together.
     */
    EvidenceBundle exportFor(Actor actor, LawEnforcementRequest request, Consumer<String> recordStep) {
        var cases = new LinkedHashSet<CaseRef>();
        request.scope().forEach(ref -> cases.addAll(gather.casesOf(new CaseRef(ref))));
        String why =
                "law-enforcement request " + request.id() + " (" + request.agency() + ", " + request.legalBasis() + ")";
        return build(actor, new CaseRef(request.scope().getFirst()), List.copyOf(cases), why, request, recordStep);
    }

    private EvidenceBundle build(
            Actor actor,
            CaseRef ref,
            List<CaseRef> cases,
            String why,
            @Nullable LawEnforcementRequest request,
            Consumer<String> recordStep) {
        var key = keys.current();
        Instant at = SqlDialect.truncate(clock.instant());
        String exportedBy = actor.kind() + ":" + actor.id();
        var subjects = new TreeSet<String>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> refs = cases.stream().map(CaseRef::value).toList();
        files.put(
                "README.txt",
                BundleReadme.text(
                        ref.value(), refs, EvidenceKeys.fingerprint(key.pair().getPublic())));
        files.putAll(gather.files(cases, subjects));
        if (request != null) {
            subjects.add(request.id());
            files.put("request.json", CaseEvidence.json(request));
        }
        files.putAll(gather.auditSlice(subjects));
        files.put("custody.json", CaseEvidence.json(records.exports(ref.value())));
        files.put("signing-key.pem", EvidenceKeys.pem(key.pair().getPublic()).getBytes(StandardCharsets.US_ASCII));
        String requestId = request == null ? null : request.id();
        var built =
                BundleZip.build(new BundleZip.Header(ref.value(), refs, exportedBy, why, at, requestId), files, key);
        transaction.executeWithoutResult(status -> {
            records.recordExport(
                    new EvidenceExport(built.manifestSha256(), ref.value(), exportedBy, why, at), key.id(), requestId);
            events.publishEvent(EvidenceChanged.exported(actor, built.manifestSha256()));
            recordStep.accept(built.manifestSha256());
        });
        return new EvidenceBundle(ref.value(), built.zip(), built.manifestSha256());
    }

    /** The public key that checks this installation's bundles, as PEM: the one the operator publishes. */
    public String publicKeyPem() {
        return EvidenceKeys.pem(keys.current().pair().getPublic());
    }

    /** The case's exports, oldest first. */
    @Transactional(readOnly = true)
    public List<EvidenceExport> exports(CaseRef ref) {
        return records.exports(ref.value());
    }

    /**
     * Places a legal hold on a case, or renews it with a new reason: the content ids of the case and
     * of the cases linked with it either way, as they stand now, are kept through media's retention sweep while the
     * hold stands, whatever review does with its own holds as the case closes.
     *
     * @throws EvidenceReasonInvalidException when the reason is blank or over 500 characters
     * @throws org.redress.server.review.ReviewCaseNotFoundException when there is no such case
     */
    @Transactional
    public CaseHold hold(Actor actor, CaseRef ref, String reason) {
        return hold(actor, ref, reason, null);
    }

    /**
     * Places or renews a case's hold that ends by itself at {@code until} (never, when null).
     *
     * @throws EvidenceHoldInvalidException when {@code until} is not in the future
     */
    @Transactional
    public CaseHold hold(Actor actor, CaseRef ref, String reason, @Nullable Instant until) {
        String why = checkedReason(reason);
        Instant at = SqlDialect.truncate(clock.instant());
        Instant end = LegalHolds.checkedUntil(until, at);
        String heldBy = actor.kind() + ":" + actor.id();
        List<String> contents = contentOf(ref);
        lock.run();
        records.hold(
                ref.value(),
                cipher.encrypt(why, "evidence_case_hold.reason:" + ref.value()),
                heldBy,
                at,
                end,
                contents);
        events.publishEvent(EvidenceChanged.held(actor, ref.value()));
        return new CaseHold(ref.value(), heldBy, at, Optional.ofNullable(end));
    }

    /**
     * Lifts a case's legal hold: its content is kept as long as review's own holds or retention say.
     * Does nothing when the case is not held.
     */
    @Transactional
    public void release(Actor actor, CaseRef ref) {
        if (!records.release(ref.value())) {
            return;
        }
        events.publishEvent(EvidenceChanged.released(actor, ref.value()));
    }

    /** The case's hold, if one stands. */
    @Transactional(readOnly = true)
    public Optional<CaseHold> holdOf(CaseRef ref) {
        return records.hold(ref.value());
    }

    private List<String> contentOf(CaseRef ref) {
        var contents = new TreeSet<String>();
        for (CaseRef each : gather.casesOf(ref)) {
            review.caseFile(each).contents().stream()
                    .map(CaseContent::contentId)
                    .forEach(contents::add);
        }
        return List.copyOf(contents);
    }

    private static String checkedReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        String stripped = reason.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_REASON) {
            throw new EvidenceReasonInvalidException();
        }
        return stripped;
    }
}
