package org.redress.server.matching.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.BlockStatement;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.HashListFormat;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Upload;
import org.redress.server.matching.UploadTooLargeException;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.ProblemTypes;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The upload check for platforms and the bank administration API. */
@RestController
@RequestMapping("/api/v1")
class MatchingApiController {

    record CreateBankRequest(
            @NotBlank @Size(max = 64) String name,
            @NotNull BankAction action,

            @Nullable @Min(0) @Max(Bank.MAX_ALLOWED_DISTANCE)
            Integer maxDistance,

            @Nullable @Min(0) @Max(100) Integer qualityFloor) {}

    record UpdateBankRequest(
            @NotNull BankAction action,
            @Min(0) @Max(Bank.MAX_ALLOWED_DISTANCE) int maxDistance,
            @Min(0) @Max(100) int qualityFloor,
            boolean enabled) {}

    record BankView(
            String name, BankAction action, int maxDistance, int qualityFloor, boolean enabled, Instant createdAt) {
        static BankView of(Bank bank) {
            return new BankView(
                    bank.name().value(),
                    bank.action(),
                    bank.maxDistance(),
                    bank.qualityFloor(),
                    bank.enabled(),
                    bank.createdAt());
        }
    }

    record AddHashRequest(
            @Nullable @Size(max = 64) String pdq,
            @Nullable @Size(max = 32) String md5,
            @Nullable @Size(max = 64) String sha256,
            @Nullable @Min(0) @Max(100) Integer quality,
            @Nullable @Size(max = 500) String note) {}

    record EntryCreatedView(long entryId) {}

    record EntryView(
            long entryId,
            @Nullable String pdq,
            @Nullable String md5,
            @Nullable String sha256,
            Provenance.Source source,
            boolean enabled,
            Instant createdAt) {
        static EntryView of(BankEntry entry) {
            return new EntryView(
                    entry.id(),
                    entry.hashes().pdq().map(PdqHash::toHex).orElse(null),
                    entry.hashes().md5().orElse(null),
                    entry.hashes().sha256().orElse(null),
                    entry.provenance().source(),
                    entry.enabled(),
                    entry.createdAt());
        }
    }

    record CheckRequest(
            @NotBlank @Size(max = 200) String contentId,
            @NotBlank @Size(max = 200) String uploaderId,

            @Nullable @Pattern(regexp = HEX_64, message = "must be 64 hex digits")
            String pdq,

            @Nullable @Pattern(regexp = "[0-9a-fA-F]{32}", message = "must be 32 hex digits")
            String md5,

            @Nullable @Pattern(regexp = HEX_64, message = "must be 64 hex digits")
            String sha256,

            @Nullable @Size(max = 8)
            List<@NotNull @Pattern(regexp = HEX_64, message = "must be 64 hex digits") String> dihedral,

            @Nullable @Min(0) @Max(100) Integer quality,
            @Nullable @Size(max = 40) String jurisdiction,
            @Nullable List<@Nullable String> urls) {
        @Override
        public String toString() {
            return "CheckRequest[contentId=" + contentId + ", uploaderId=redacted]";
        }

        /**
         * Whether every constraint above plainly holds, read field by field. Nearly every check a
         * platform sends does, and then Bean Validation, which cost about a tenth of a check's time
         * on the server, has nothing to add; when this says no, Bean Validation runs and names what
         * is wrong, as it always did. Never looser than the annotations: a blank test that both
         * {@code trim} and {@code isBlank} must pass, the patterns read character by character.
         */
        boolean plainlyValid() {
            return someText(contentId)
                    && someText(uploaderId)
                    && (pdq == null || hex(pdq, 64))
                    && (md5 == null || hex(md5, 32))
                    && (sha256 == null || hex(sha256, 64))
                    && (dihedral == null
                            || (dihedral.size() <= 8 && dihedral.stream().allMatch(d -> hex(d, 64))))
                    && (quality == null || (quality >= 0 && quality <= 100))
                    && (jurisdiction == null || jurisdiction.length() <= 40);
        }

        private static boolean someText(@Nullable String text) {
            return text != null && text.length() <= 200 && !text.trim().isEmpty() && !text.isBlank();
        }

        private static boolean hex(@Nullable String text, int digits) {
            if (text == null || text.length() != digits) {
                return false;
            }
            for (int i = 0; i < digits; i++) {
                char c = text.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    return false;
                }
            }
            return true;
        }
    }

    record MatchView(String bank, long entryId, int distance, boolean provisional, String variant) {}

    /**
     * The check's answer; a BLOCK adds the automated decision's statement of reasons and the
     * deterrence message the platform can show the uploader (absent members are left out).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckView(
            String verdict,
            List<MatchView> matches,
            @Nullable Map<String, Object> statementOfReasons,
            @Nullable Map<String, Object> deterrence) {
        static CheckView of(CheckResult result) {
            return new CheckView(
                    result.verdict().name(),
                    result.matches().stream()
                            .map(m -> new MatchView(
                                    m.bank().value(), m.entryId(), m.distance(), m.provisional(), m.variant()))
                            .toList(),
                    result.statement().map(BlockStatement::toMap).orElse(null),
                    result.statement().map(s -> s.deterrence().toMap()).orElse(null));
        }
    }

    private static final String HEX_64 = "[0-9a-fA-F]{64}";

    /** The single check's body parameter, which a validation failure names. */
    private static final MethodParameter CHECK_BODY;

    static {
        try {
            CHECK_BODY = new MethodParameter(
                    MatchingApiController.class.getDeclaredMethod("check", Authentication.class, CheckRequest.class),
                    1);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Matching matching;
    private final SpringValidatorAdapter validator;

    MatchingApiController(Matching matching, jakarta.validation.Validator validator) {
        this.matching = matching;
        this.validator = new SpringValidatorAdapter(validator);
    }

    // No "consumes" here: a request of any other type must meet the access rule before its body
    // is refused, and multipart requests prefer the more specific mapping below.
    @PostMapping("/checks")
    @Allow(Role.PLATFORM)
    CheckView check(Authentication caller, @RequestBody CheckRequest request) throws MethodArgumentNotValidException {
        refuseUnlessValid(request);
        refuseWithoutHashes(request);
        var urls = CheckUrls.read(request.urls());
        List<PdqHash> variants = request.dihedral() == null
                ? List.of()
                : request.dihedral().stream().map(PdqHash::fromHex).toList();
        var upload = new Upload(
                request.contentId(),
                request.uploaderId(),
                EntryHashes.parse(request.pdq(), request.md5(), request.sha256()),
                variants,
                Optional.ofNullable(request.quality()).map(Quality::new),
                urls);
        return CheckView.of(
                matching.check(Callers.actorOf(caller), upload, Optional.ofNullable(request.jurisdiction())));
    }

    @PostMapping(path = "/checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allow(Role.PLATFORM)
    CheckView checkImage(
            Authentication caller,
            @RequestPart(name = "image", required = false) @Nullable MultipartFile image,
            @RequestPart(name = "video", required = false) @Nullable MultipartFile video,
            @RequestPart("contentId") String contentId,
            @RequestPart("uploaderId") String uploaderId,
            @RequestPart(name = "jurisdiction", required = false) @Nullable String jurisdiction,
            @RequestParam(name = "urls", required = false) @Nullable List<String> urls)
            throws IOException {
        var contentUrls = CheckUrls.read(urls);
        List<InvalidFieldsException.FieldProblem> wrong = new ArrayList<>();
        if (contentId.isBlank() || contentId.length() > 200) {
            wrong.add(new InvalidFieldsException.FieldProblem("#/contentId", "must be 1 to 200 characters"));
        }
        if (uploaderId.isBlank() || uploaderId.length() > 200) {
            wrong.add(new InvalidFieldsException.FieldProblem("#/uploaderId", "must be 1 to 200 characters"));
        }
        // This route's text parts are checked here, not by the web module's parameter filter (which
        // would parse the upload before it is admitted): PostgreSQL cannot store a NUL.
        refuseNul(wrong, "contentId", contentId);
        refuseNul(wrong, "uploaderId", uploaderId);
        refuseNul(wrong, "jurisdiction", jurisdiction);
        if ((image == null) == (video == null)) {
            wrong.add(new InvalidFieldsException.FieldProblem("#/image", "send one file: an image or a video"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidFieldsException(wrong);
        }
        if (video != null) {
            return CheckView.of(matching.checkVideo(
                    Callers.actorOf(caller),
                    contentId,
                    uploaderId,
                    video.getBytes(),
                    Optional.ofNullable(jurisdiction).filter(j -> j.length() <= 40),
                    contentUrls));
        }
        return CheckView.of(matching.checkImage(
                Callers.actorOf(caller),
                contentId,
                uploaderId,
                java.util.Objects.requireNonNull(image, "image").getBytes(),
                Optional.ofNullable(jurisdiction).filter(j -> j.length() <= 40),
                contentUrls));
    }

    /**
     * Validates the check as {@code @Valid} would, answered the same way (400 with each field's
     * constraint), but by Bean Validation only when {@link CheckRequest#plainlyValid()} finds a fault.
     */
    private void refuseUnlessValid(CheckRequest request) throws MethodArgumentNotValidException {
        if (request.plainlyValid()) {
            return;
        }
        var errors = new BeanPropertyBindingResult(request, "checkRequest");
        validator.validate(request, errors);
        if (errors.hasErrors()) {
            throw new MethodArgumentNotValidException(CHECK_BODY, errors);
        }
    }

    /**
     * A check needs a hash to match on: PDQ for an image, or an exact digest alone (a video, or any
     * other file, is checked by its MD5 or SHA-256). Variants are rotations of a PDQ hash.
     */
    static void refuseWithoutHashes(CheckRequest request) {
        boolean pdq = request.pdq() != null && !request.pdq().isBlank();
        boolean digest = (request.md5() != null && !request.md5().isBlank())
                || (request.sha256() != null && !request.sha256().isBlank());
        if (!pdq && !digest) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.FieldProblem(
                    "#/pdq", "a check needs at least one of pdq, md5 or sha256")));
        }
        if (!pdq && request.dihedral() != null && !request.dihedral().isEmpty()) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.FieldProblem(
                    "#/dihedral", "dihedral hashes go with the pdq hash they are variants of")));
        }
    }

    private static void refuseNul(
            List<InvalidFieldsException.FieldProblem> wrong, String field, @Nullable String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            wrong.add(new InvalidFieldsException.FieldProblem("#/" + field, "may not contain NUL characters"));
        }
    }

    /** Until the index is loaded a replica answers 503, so a load balancer can send the check elsewhere. */
    @ExceptionHandler(MatchingUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable() {
        return unavailableProblem();
    }

    static ResponseEntity<ProblemDetail> unavailableProblem() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable; try again later.");
        problem.setType(ProblemTypes.UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(problem);
    }

    /** Names the limit the image passed, and its maximum, so the platform knows what to change. */
    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(UploadTooLargeException e) {
        String detail = switch (e.limit()) {
            case BYTES -> "The image file is larger than " + e.maximum() + " bytes.";
            case PIXELS -> "The image has more than " + e.maximum() + " pixels (width times height).";
            case DECODED_BYTES -> "The decoded image would take more than " + e.maximum() + " bytes.";
        };
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
        problem.setProperty("limit", e.limit().wireName());
        problem.setProperty("maximum", e.maximum());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @PostMapping("/banks")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.ADMIN)
    BankView createBank(Authentication caller, @Valid @RequestBody CreateBankRequest request) {
        return BankView.of(matching.createBank(
                Callers.actorOf(caller),
                new BankName(request.name()),
                request.action(),
                Optional.ofNullable(request.maxDistance()).orElse(Bank.DEFAULT_MAX_DISTANCE),
                Optional.ofNullable(request.qualityFloor()).orElse(Bank.DEFAULT_QUALITY_FLOOR)));
    }

    @GetMapping("/banks")
    @Allow(Role.ADMIN)
    List<BankView> banks() {
        return matching.banks().stream().map(BankView::of).toList();
    }

    @GetMapping("/banks/{name}")
    @Allow(Role.ADMIN)
    BankView bank(@PathVariable String name) {
        return BankView.of(matching.bank(new BankName(name)));
    }

    @PostMapping("/banks/{name}/settings")
    @Allow(Role.ADMIN)
    BankView updateBank(
            Authentication caller, @PathVariable String name, @Valid @RequestBody UpdateBankRequest request) {
        return BankView.of(matching.updateBank(
                Callers.actorOf(caller),
                new BankName(name),
                request.action(),
                request.maxDistance(),
                request.qualityFloor(),
                request.enabled()));
    }

    @PostMapping("/banks/{name}/hashes")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.ADMIN)
    EntryCreatedView addHash(
            Authentication caller, @PathVariable String name, @Valid @RequestBody AddHashRequest request) {
        var actor = Callers.actorOf(caller);
        var entry = matching.addEntry(
                actor,
                new BankName(name),
                EntryHashes.parse(request.pdq(), request.md5(), request.sha256()),
                Optional.ofNullable(request.quality()).map(Quality::new),
                Optional.ofNullable(request.note()),
                new Provenance(Provenance.Source.MANUAL, actor.kind() + ":" + actor.id()));
        return new EntryCreatedView(entry.id());
    }

    /**
     * An image added to a bank: Redress hashes it as it hashes an upload (PDQ with its quality and
     * its seven rotations and mirrorings, MD5, SHA-256) and keeps the hashes, never the image.
     */
    // No "consumes": as for the checks, the access rule comes before the body's type is refused.
    @PostMapping("/banks/{name}/images")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.ADMIN)
    EntryCreatedView addImage(
            Authentication caller,
            @PathVariable String name,
            @RequestPart("image") MultipartFile image,
            @RequestPart(name = "note", required = false) @Nullable String note)
            throws IOException {
        List<InvalidFieldsException.FieldProblem> wrong = new ArrayList<>();
        if (note != null && note.length() > 500) {
            wrong.add(new InvalidFieldsException.FieldProblem("#/note", "must be at most 500 characters"));
        }
        refuseNul(wrong, "note", note);
        if (!wrong.isEmpty()) {
            throw new InvalidFieldsException(wrong);
        }
        var bank = new BankName(name);
        matching.bank(bank); // an unknown bank is a 404 before the image is decoded
        var hashed = UploadHashing.hashForEntry(image.getBytes());
        var actor = Callers.actorOf(caller);
        var entry = matching.addImageEntry(
                actor,
                bank,
                hashed,
                Optional.ofNullable(note).filter(n -> !n.isBlank()),
                new Provenance(Provenance.Source.MANUAL, actor.kind() + ":" + actor.id()));
        return new EntryCreatedView(entry.id());
    }

    record ImportView(String batch, int imported, int rejected, List<Integer> rejectedLines) {}

    /** Bulk import: the body holds one entry per line in {@code format} (text, csv or jsonl). */
    @PostMapping("/banks/{name}/import")
    @Allow(Role.ADMIN)
    ImportView importHashes(
            Authentication caller,
            @PathVariable String name,
            @RequestParam(defaultValue = "text") String format,
            HttpServletRequest request)
            throws IOException {
        var parsed = HashListFormat.parse(format);
        try (var body = new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            var result = matching.importEntries(Callers.actorOf(caller), new BankName(name), parsed, body.lines());
            return new ImportView(result.batch(), result.imported(), result.rejected(), result.rejectedLines());
        }
    }

    /** The bank's enabled entries in {@code format} (text, csv or jsonl), streamed. */
    @GetMapping("/banks/{name}/export")
    @Allow(Role.ADMIN)
    void exportHashes(
            @PathVariable String name, @RequestParam(defaultValue = "text") String format, HttpServletResponse response)
            throws IOException {
        var parsed = HashListFormat.parse(format);
        var bank = matching.bank(new BankName(name)).name();
        response.setContentType(parsed.mediaType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var out = response.getWriter();
        matching.exportEntries(bank, parsed, out::write);
        out.flush();
    }

    @GetMapping("/banks/{name}/hashes/{entryId}")
    @Allow(Role.ADMIN)
    EntryView entry(@PathVariable String name, @PathVariable long entryId) {
        return EntryView.of(matching.entry(new BankName(name), entryId));
    }

    @PostMapping("/banks/{name}/hashes/{entryId}/disable")
    @Allow(Role.ADMIN)
    EntryView disable(Authentication caller, @PathVariable String name, @PathVariable long entryId) {
        matching.setEntryEnabled(Callers.actorOf(caller), new BankName(name), entryId, false);
        return EntryView.of(matching.entry(new BankName(name), entryId));
    }

    @PostMapping("/banks/{name}/hashes/{entryId}/enable")
    @Allow(Role.ADMIN)
    EntryView enable(Authentication caller, @PathVariable String name, @PathVariable long entryId) {
        matching.setEntryEnabled(Callers.actorOf(caller), new BankName(name), entryId, true);
        return EntryView.of(matching.entry(new BankName(name), entryId));
    }

    @DeleteMapping("/banks/{name}/hashes/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allow(Role.ADMIN)
    void delete(Authentication caller, @PathVariable String name, @PathVariable long entryId) {
        matching.deleteEntry(Callers.actorOf(caller), new BankName(name), entryId);
    }
}
