package org.redress.server.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintType;
import org.redress.server.review.ComplaintDesk;
import org.redress.server.review.ComplaintFile;
import org.redress.server.review.ReviewComplaint;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints: staff list, take, assign and answer them; platforms file their uploaders' complaints
 * about automated blocks and read the answers.
 */
@RestController
@RequestMapping("/api/v1")
class ComplaintApiController {

    /** A complaint in the queue: its clock and its owner, never the complainant's words. */
    record ComplaintView(
            String id,
            ComplaintType type,
            String complainant,
            @Nullable String caseRef,
            @Nullable String contentId,
            boolean expedited,
            Instant receivedAt,
            Instant dueAt,
            long remainingSeconds,
            boolean overdue,
            @Nullable String owner,
            @Nullable ComplaintOutcome outcome,
            @Nullable String answeredBy,
            @Nullable Instant answeredAt,
            long version) {

        static ComplaintView of(ReviewComplaint c, Instant now) {
            var answer = c.answer();
            return new ComplaintView(
                    c.id(),
                    c.type(),
                    c.complainant().name(),
                    c.caseRef().map(CaseRef::value).orElse(null),
                    c.contentId().orElse(null),
                    c.expedited(),
                    c.receivedAt(),
                    c.dueAt(),
                    c.remainingAt(now).toSeconds(),
                    c.overdueAt(now),
                    c.owner().orElse(null),
                    answer.map(ReviewComplaint.Answer::outcome).orElse(null),
                    answer.map(ReviewComplaint.Answer::by).orElse(null),
                    answer.map(ReviewComplaint.Answer::at).orElse(null),
                    c.version());
        }
    }

    /** A complaint with what a moderator needs to answer it. */
    record ComplaintFileView(
            ComplaintView complaint,
            String text,
            @Nullable String caseState,
            List<String> deciders,
            @Nullable String reply) {

        static ComplaintFileView of(ComplaintFile file, Instant now) {
            return new ComplaintFileView(
                    ComplaintView.of(file.complaint(), now),
                    file.text(),
                    file.caseState().map(Enum::name).orElse(null),
                    file.deciders().stream().sorted().toList(),
                    file.complaint().answer().map(ReviewComplaint.Answer::reply).orElse(null));
        }

        @Override
        public String toString() {
            return "ComplaintFileView[complaint=" + complaint + ", text=redacted, reply=redacted]";
        }
    }

    record AssignBody(@NotBlank @Size(max = 100) String username) {}

    record AnswerBody(
            @NotNull ComplaintOutcome outcome,

            @NotBlank @Size(max = ReviewComplaint.Answer.MAX_REPLY)
            String reply) {
        @Override
        public String toString() {
            return "AnswerBody[outcome=" + outcome + ", reply=redacted]";
        }
    }

    record BlockComplaintBody(
            @NotBlank @Size(max = 200) String contentId,
            @NotBlank @Size(max = UploaderId.MAX_LENGTH) String uploaderId,
            @NotBlank @Size(max = Complaint.MAX_TEXT) String text) {
        @Override
        public String toString() {
            return "BlockComplaintBody[contentId=" + contentId + ", uploaderId=redacted, text=redacted]";
        }
    }

    /** An uploader's complaint as their platform reads it: its clock, then the outcome and the reply. */
    record BlockComplaintView(
            String complaintId,
            String contentId,
            Instant receivedAt,
            Instant answerBy,
            @Nullable ComplaintOutcome outcome,
            @Nullable String outcomeText,
            @Nullable String reply,
            @Nullable Instant answeredAt) {

        static BlockComplaintView of(ReviewComplaint c) {
            var answer = c.answer();
            return new BlockComplaintView(
                    c.id(),
                    c.contentId().orElseThrow(),
                    c.receivedAt(),
                    c.dueAt(),
                    answer.map(ReviewComplaint.Answer::outcome).orElse(null),
                    answer.map(a -> a.outcome().plain()).orElse(null),
                    answer.map(ReviewComplaint.Answer::reply).orElse(null),
                    answer.map(ReviewComplaint.Answer::at).orElse(null));
        }

        @Override
        public String toString() {
            return "BlockComplaintView[complaintId=" + complaintId + ", reply=redacted]";
        }
    }

    private final ComplaintDesk desk;

    ComplaintApiController(ComplaintDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/complaints")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    List<ComplaintView> complaints() {
        Instant now = desk.now();
        return desk.queue().stream().map(c -> ComplaintView.of(c, now)).toList();
    }

    @GetMapping("/complaints/{id}")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    ComplaintFileView complaint(@PathVariable String id) {
        return ComplaintFileView.of(desk.file(id), desk.now());
    }

    @PostMapping("/complaints/{id}/claim")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    ComplaintView claim(@PathVariable String id, Authentication caller) {
        return ComplaintView.of(desk.claim(Moderators.of(caller), id), desk.now());
    }

    @PostMapping("/complaints/{id}/assign")
    @Allow(Role.SENIOR_MODERATOR)
    ComplaintView assign(@PathVariable String id, @Valid @RequestBody AssignBody body, Authentication caller) {
        return ComplaintView.of(desk.assign(Moderators.of(caller), id, body.username()), desk.now());
    }

    @PostMapping("/complaints/{id}/answer")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    ComplaintView answer(@PathVariable String id, @Valid @RequestBody AnswerBody body, Authentication caller) {
        return ComplaintView.of(
                desk.answer(
                        Moderators.of(caller), id, body.outcome(), body.reply().strip()),
                desk.now());
    }

    @PostMapping("/block-complaints")
    @Allow(Role.PLATFORM)
    @ResponseStatus(HttpStatus.CREATED)
    BlockComplaintView blockComplaint(Authentication caller, @Valid @RequestBody BlockComplaintBody body) {
        return BlockComplaintView.of(desk.blockComplaint(
                Callers.actorOf(caller),
                new ContentId(body.contentId()),
                new UploaderId(body.uploaderId()),
                body.text()));
    }

    @GetMapping("/block-complaints/{id}")
    @Allow(Role.PLATFORM)
    BlockComplaintView blockComplaintAnswer(@PathVariable String id) {
        return BlockComplaintView.of(desk.uploaderComplaint(id));
    }
}
