package org.redress.server.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.review.Appeal;
import org.redress.server.review.AppealReceipt;
import org.redress.server.review.Review;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Appeals that platforms file for their uploaders. */
@RestController
@RequestMapping("/api/v1")
class AppealApiController {

    record AppealRequest(
            @NotBlank @Size(max = 200) String contentId,
            @NotBlank @Size(max = UploaderId.MAX_LENGTH) String uploaderId,
            @NotBlank @Size(max = Appeal.MAX_TEXT) String text) {
        @Override
        public String toString() {
            return "AppealRequest[contentId=" + contentId + ", uploaderId=redacted, text=redacted]";
        }
    }

    record AppealView(String appealRef, Instant receivedAt, Instant deadline) {
        static AppealView of(AppealReceipt receipt) {
            return new AppealView(receipt.appealRef().value(), receipt.receivedAt(), receipt.deadline());
        }
    }

    private final Review review;

    AppealApiController(Review review) {
        this.review = review;
    }

    @PostMapping("/appeals")
    @Allow(Role.PLATFORM)
    @ResponseStatus(HttpStatus.CREATED)
    AppealView appeal(Authentication caller, @Valid @RequestBody AppealRequest request) {
        return AppealView.of(review.appeal(
                Callers.actorOf(caller),
                new ContentId(request.contentId()),
                new UploaderId(request.uploaderId()),
                request.text()));
    }
}
