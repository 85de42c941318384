package org.redress.server.intake.cases;

import java.util.Optional;
import org.redress.server.intake.Receipt;

/** Answers remembered under an Idempotency-Key, so a retried submission gets the original answer. */
public interface IdempotentAnswers {

    record Remembered(String fingerprint, Receipt receipt) {
        @Override
        public String toString() {
            return "Remembered[receipt=" + receipt + "]";
        }
    }

    Optional<Remembered> find(String keyHash);

    /** @return false when an answer is remembered under the key already */
    boolean remember(String keyHash, String fingerprint, Receipt receipt);
}
