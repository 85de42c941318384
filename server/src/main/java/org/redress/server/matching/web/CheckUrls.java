package org.redress.server.matching.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.matching.Upload;
import org.redress.server.shared.ContentUrl;
import org.redress.server.web.InvalidFieldsException;

/**
 * The {@code urls} of a check (JSON, batch and multipart alike): the content's public URLs, each an
 * absolute http or https URL of at most {@value ContentUrl#MAX_LENGTH} characters, at most
 * {@value Upload#MAX_URLS} of them, kept in the normal form of {@link ContentUrl}. A wrong one is
 * named by its position ({@code #/urls/2}), a wrong list as a whole by {@code #/urls}.
 */
final class CheckUrls {

    private CheckUrls() {}

    /**
     * The URLs in normal form, duplicates once.
     *
     * @throws InvalidFieldsException naming each URL that is not one, or the list when it is too long
     */
    static List<ContentUrl> read(@Nullable List<? extends @Nullable Object> urls) {
        if (urls == null || urls.isEmpty()) {
            return List.of();
        }
        if (urls.size() > Upload.MAX_URLS) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.FieldProblem(
                    "#/urls", "must hold at most " + Upload.MAX_URLS + " URLs")));
        }
        List<InvalidFieldsException.FieldProblem> wrong = new ArrayList<>();
        List<ContentUrl> read = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            Optional<ContentUrl> url = urls.get(i) instanceof String text && text.length() <= ContentUrl.MAX_LENGTH
                    ? ContentUrl.parse(text)
                    : Optional.empty();
            if (url.isPresent()) {
                if (!read.contains(url.get())) {
                    read.add(url.get());
                }
            } else {
                wrong.add(new InvalidFieldsException.FieldProblem(
                        "#/urls/" + i,
                        "must be an absolute http or https URL of at most " + ContentUrl.MAX_LENGTH + " characters"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidFieldsException(wrong);
        }
        return List.copyOf(read);
    }
}
