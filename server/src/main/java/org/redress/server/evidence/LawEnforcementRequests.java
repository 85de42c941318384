package org.redress.server.evidence;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance workflow for law-enforcement requests (ADR 0021): one officer records what the
 * agency asked for, another approves or refuses it with a reason, an approved request's bundle is
 * exported for it (the bundle names the request), and each hand-over is recorded against the
 * manifest handed over. Every step is one line of the request's chain of custody and one audit entry.
 */
@Service
public class LawEnforcementRequests {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LISTED = 500;

    private final RequestRecords records;
    private final Review review;
    private final Evidence evidence;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LawEnforcementRequests(
            RequestRecords records,
            Review review,
            Evidence evidence,
            FieldCipher cipher,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.review = review;
        this.evidence = evidence;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a request as the agency made it.
     *
     * @throws EvidenceRequestInvalidException when a field is missing, too long or not one line
     * @throws org.redress.server.review.ReviewCaseNotFoundException when a case in its scope does not exist
     */
    @Transactional
    public LawEnforcementRequest record(Actor actor, NewRequest typed) {
        typed.problem().ifPresent(problem -> {
            throw new EvidenceRequestInvalidException(problem);
        });
        List<String> scope = scopeOf(typed);
        Instant now = SqlDialect.truncate(clock.instant());
        String id = newId(now);
        String link = typed.link() == null || typed.link().isBlank()
                ? null
                : typed.link().strip();
        records.insert(
                new RequestRecords.Row(
                        id,
                        required(typed.agency()).strip(),
                        cipher.encrypt(required(typed.officer()).strip(), officerContext(id)),
                        cipher.encrypt(required(typed.crimeReference()).strip(), crimeContext(id)),
                        required(typed.legalBasis()).strip(),
                        SqlDialect.truncate(required(typed.deadline())),
                        RequestState.AWAITING_DECISION,
                        link == null ? null : link.substring(0, link.indexOf(':')),
                        link == null ? null : link.substring(link.indexOf(':') + 1),
                        now),
                scope);
        step(actor, id, 1, RequestState.AWAITING_DECISION, CustodyStep.Kind.RECORDED, null, null, now);
        return find(id);
    }

    /**
     * Approves a request: its bundle may now be exported.
     *
     * @throws EvidenceRequestDecidedBySameException when the caller recorded it (four eyes)
     * @throws EvidenceRequestStateException when it was already decided
     */
    @Transactional
    public LawEnforcementRequest approve(Actor actor, String id, String reason) {
        return decide(actor, id, reason, CustodyStep.Kind.APPROVED, RequestState.APPROVED);
    }

    /** Refuses a request with the reason; nothing is exported for it. Same rules as {@link #approve}. */
    @Transactional
    public LawEnforcementRequest refuse(Actor actor, String id, String reason) {
        return decide(actor, id, reason, CustodyStep.Kind.REFUSED, RequestState.REFUSED);
    }

    /**
     * Exports the bundle of the request's cases for it: the bundle names the request, and the export
     * is recorded, audited and added to the request's chain of custody in one short transaction.
     *
     * @throws EvidenceRequestStateException when the request is not approved
     */
    public EvidenceBundle export(Actor actor, String id) {
        LawEnforcementRequest request = find(id);
        if (request.state() != RequestState.APPROVED && request.state() != RequestState.HANDED_OVER) {
            throw new EvidenceRequestStateException("Only an approved request's evidence is exported.");
        }
        return evidence.exportFor(actor, request, manifest -> {
            RequestRecords.Row row = records.lock(id).orElseThrow(EvidenceRequestNotFoundException::new);
            Instant now = SqlDialect.truncate(clock.instant());
            step(actor, id, nextSeq(id), row.state(), CustodyStep.Kind.EXPORTED, null, manifest, now);
        });
    }

    /**
     * Records that an exported bundle left the building: delivered to the agency or collected by it.
     *
     * @param note how and to whom, 1 to 500 characters (sealed at rest)
     * @throws EvidenceRequestInvalidException when the manifest is not one exported for this request, or
     *     the note is missing or too long
     */
    @Transactional
    public LawEnforcementRequest handOver(
            Actor actor, String id, @Nullable String manifestSha256, boolean collected, @Nullable String note) {
        RequestRecords.Row row = records.lock(id).orElseThrow(EvidenceRequestNotFoundException::new);
        if (row.state() != RequestState.APPROVED && row.state() != RequestState.HANDED_OVER) {
            throw new EvidenceRequestStateException("Only an approved request's evidence is handed over.");
        }
        boolean exported = records.steps(id).stream()
                .anyMatch(s -> s.kind() == CustodyStep.Kind.EXPORTED
                        && s.manifestSha256() != null
                        && s.manifestSha256().equals(manifestSha256));
        if (!exported) {
            throw new EvidenceRequestInvalidException("Name the SHA-256 of a manifest exported for this request.");
        }
        String how = checkedNote(note, "Say how and to whom it was handed over, 1 to 500 characters.");
        Instant now = SqlDialect.truncate(clock.instant());
        var kind = collected ? CustodyStep.Kind.COLLECTED : CustodyStep.Kind.DELIVERED;
        step(actor, id, nextSeq(id), RequestState.HANDED_OVER, kind, how, manifestSha256, now);
        return find(id);
    }

    /** @throws EvidenceRequestNotFoundException when there is no such request */
    @Transactional(readOnly = true)
    public LawEnforcementRequest find(String id) {
        return records.find(id).map(this::opened).orElseThrow(EvidenceRequestNotFoundException::new);
    }

    /** The latest 500 requests, the most recently moved first. */
    @Transactional(readOnly = true)
    public List<LawEnforcementRequest> list() {
        return records.all(LISTED).stream().map(this::opened).toList();
    }

    private LawEnforcementRequest decide(
            Actor actor, String id, String reason, CustodyStep.Kind kind, RequestState state) {
        String why = checkedNote(reason, "Give the reason for the decision, 1 to 500 characters.");
        RequestRecords.Row row = records.lock(id).orElseThrow(EvidenceRequestNotFoundException::new);
        if (row.state() != RequestState.AWAITING_DECISION) {
            throw new EvidenceRequestStateException("This request is already decided.");
        }
        List<RequestRecords.StepRow> steps = records.steps(id);
        if (!steps.isEmpty() && steps.getFirst().actor().equals(name(actor))) {
            throw new EvidenceRequestDecidedBySameException();
        }
        Instant now = SqlDialect.truncate(clock.instant());
        step(actor, id, steps.size() + 1, state, kind, why, null, now);
        return find(id);
    }

    private void step(
            Actor actor,
            String id,
            int seq,
            RequestState state,
            CustodyStep.Kind kind,
            @Nullable String note,
            @Nullable String manifest,
            Instant at) {
        String sealed = note == null ? null : cipher.encrypt(note, noteContext(id, seq));
        records.step(id, state, new RequestRecords.StepRow(seq, kind, name(actor), at, sealed, manifest));
        events.publishEvent(EvidenceChanged.requestStep(actor, id, kind));
    }

    private int nextSeq(String id) {
        return records.steps(id).size() + 1;
    }

    private LawEnforcementRequest opened(RequestRecords.Row row) {
        String id = row.id();
        List<CustodyStep> steps = records.steps(id).stream()
                .map(s -> new CustodyStep(
                        s.seq(),
                        s.kind(),
                        s.actor(),
                        s.at(),
                        Optional.ofNullable(s.sealedNote()).map(n -> cipher.decrypt(n, noteContext(id, s.seq()))),
                        Optional.ofNullable(s.manifestSha256())))
                .toList();
        return new LawEnforcementRequest(
                id,
                row.agency(),
                cipher.decrypt(row.sealedOfficer(), officerContext(id)),
                cipher.decrypt(row.sealedCrimeReference(), crimeContext(id)),
                row.legalBasis(),
                row.deadline(),
                records.scope(id),
                row.state(),
                row.linkedKind() == null ? Optional.empty() : Optional.of(row.linkedKind() + ":" + row.linkedRef()),
                steps);
    }

    private List<String> scopeOf(NewRequest typed) {
        List<String> scope = required(typed.scope()).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted()
                .toList();
        if (scope.isEmpty()) {
            throw new EvidenceRequestInvalidException(
                    "Name 1 to " + NewRequest.MAX_CASES + " cases the request covers.");
        }
        for (String ref : scope) {
            try {
                review.find(new CaseRef(ref));
            } catch (IllegalArgumentException e) {
                throw new EvidenceRequestInvalidException("A case in the scope is not a case reference.");
            }
        }
        return scope;
    }

    private String newId(Instant now) {
        var id = new StringBuilder("LE-")
                .append(now.atZone(ZoneOffset.UTC).getYear())
                .append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private static String checkedNote(@Nullable String note, String problem) {
        if (note == null || note.isBlank() || note.strip().length() > Evidence.MAX_REASON) {
            throw new EvidenceRequestInvalidException(problem);
        }
        return note.strip();
    }

    static String name(Actor actor) {
        return actor.kind() + ":" + actor.id();
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new EvidenceRequestInvalidException("A required field is missing.");
        }
        return value;
    }

    private static String officerContext(String id) {
        return "evidence_request.officer:" + id;
    }

    private static String crimeContext(String id) {
        return "evidence_request.crime_reference:" + id;
    }

    private static String noteContext(String id, int seq) {
        return "evidence_request_step.note:" + id + ":" + seq;
    }
}
