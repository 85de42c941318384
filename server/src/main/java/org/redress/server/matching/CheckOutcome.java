package org.redress.server.matching;

import java.util.Objects;

/** What became of one check of a batch: its verdict, or the failure that kept it from being recorded. */
public sealed interface CheckOutcome {

    /** Checked, audited and registered, as a single check answered {@code 200} is. */
    record Checked(CheckResult result) implements CheckOutcome {
        public Checked {
            Objects.requireNonNull(result, "result");
        }
    }

    /** Searched, but not recorded: its verdict is not given, since nothing of it was committed. */
    record Failed(RuntimeException failure) implements CheckOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
