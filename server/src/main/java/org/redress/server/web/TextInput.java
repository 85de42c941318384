package org.redress.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/** The one rule for text that reaches storage: no NUL character, in any field of any request. */
final class TextInput {

    static final String DETAIL = "Text may not contain NUL characters.";

    private TextInput() {}

    static boolean holdsNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /**
     * Whether a JSON document holds a NUL: a raw zero byte, or the escape {@code \u0000} where the
     * backslash is not itself escaped ({@code \\u0000} is a backslash followed by text).
     */
    static boolean jsonHoldsNul(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 0) {
                return true;
            }
            if (json[i] == '\\'
                    && i + 5 < json.length
                    && json[i + 1] == 'u'
                    && json[i + 2] == '0'
                    && json[i + 3] == '0'
                    && json[i + 4] == '0'
                    && json[i + 5] == '0') {
                int backslashes = 0;
                for (int j = i; j >= 0 && json[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, DETAIL);
    }
}
