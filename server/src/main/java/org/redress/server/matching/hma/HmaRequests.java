package org.redress.server.matching.hma;

import java.util.Locale;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankName;
import org.redress.server.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Names and refusals as HMA clients know them. */
final class HmaRequests {

    private HmaRequests() {}

    /** A bank as HMA shows it: its name in upper case, and matching all (1.0) or nothing (0.0). */
    record BankView(String name, double matching_enabled_ratio) {
        static BankView of(Bank bank) {
            return new BankView(hmaName(bank.name()), bank.enabled() ? 1.0 : 0.0);
        }
    }

    /** HMA writes bank names in upper case; Redress's are lower case, so both forms name one bank. */
    static BankName bankName(String hmaName) {
        return new BankName(hmaName.toLowerCase(Locale.ROOT));
    }

    static String hmaName(BankName name) {
        return name.value().toUpperCase(Locale.ROOT);
    }

    /**
     * A request refused with a sentence written here, never one that quotes the request: HMA's
     * clients show an error's text to the operator, so it says what to send instead.
     */
    static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ProblemDetail problem;

        Refusal(HttpStatus status, java.net.URI type, String detail) {
            super(detail, null, false, false);
            this.problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(type);
        }

        ProblemDetail problem() {
            return problem;
        }
    }

    /** A 400 with HMA's wording in the detail (and so in the {@code message} member). */
    static Refusal badRequest(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, detail);
    }

    /** A 409: what HMA would do, Redress refuses for a stated reason. */
    static Refusal conflict(String detail) {
        return new Refusal(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail);
    }
}
