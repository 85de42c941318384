package org.redress.server.review.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.review.Review;
import org.redress.server.shared.ContentId;
import org.redress.server.web.InvalidFieldsException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform attaches its content ids to a reported case whose locators it resolved, after a
 * {@code report.received} webhook (docs/adr/0029): {@code 200} with the ids attached; an unknown
 * case {@code 404}; a case decided, withdrawn or removed already {@code 409}.
 */
@RestController
@RequestMapping("/api/v1")
class CaseContentsApiController {

    /** The most content ids one request attaches. */
    static final int MAX_CONTENT_IDS = 100;

    /** The longest content id a platform sends, as in a check. */
    static final int MAX_ID_LENGTH = 200;

    record AttachRequest(@Nullable List<@Nullable Object> contentIds) {}

    record AttachedView(String caseRef, List<String> contentIds) {}

    private final Review review;

    CaseContentsApiController(Review review) {
        this.review = review;
    }

    @PostMapping("/cases/{caseRef}/contents")
    @Allow(Role.PLATFORM)
    AttachedView attach(Authentication caller, @PathVariable String caseRef, @RequestBody AttachRequest request) {
        List<ContentId> ids = read(request.contentIds());
        var ref = ReviewApiController.ref(caseRef);
        return new AttachedView(ref.value(), review.attachContents(Callers.actorOf(caller), ref, ids));
    }

    private static List<ContentId> read(@Nullable List<@Nullable Object> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_CONTENT_IDS) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.FieldProblem(
                    "#/contentIds", "must hold 1 to " + MAX_CONTENT_IDS + " content ids")));
        }
        List<InvalidFieldsException.FieldProblem> wrong = new ArrayList<>();
        List<ContentId> ids = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) instanceof String id
                    && !id.isBlank()
                    && id.length() <= MAX_ID_LENGTH
                    && id.indexOf('\u0000') < 0) {
                ids.add(new ContentId(id));
            } else {
                wrong.add(new InvalidFieldsException.FieldProblem(
                        "#/contentIds/" + i, "must be a content id of 1 to " + MAX_ID_LENGTH + " characters"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidFieldsException(wrong);
        }
        return ids;
    }
}
