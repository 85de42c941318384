package org.redress.server.transparency.dsa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.redress.server.enforcement.EnforcementRestrictions;
import org.redress.server.enforcement.EnforcementRestrictions.Restriction;
import org.redress.server.review.ReviewCaseFacts;
import org.redress.server.review.ReviewCaseFacts.CaseFacts;
import org.springframework.stereotype.Component;

/**
 * The DSA statements of every restriction asked for in a span of time, one at a time as the
 * restrictions are read, oldest first. A case's facts are looked up once per run of its
 * restrictions and kept for the last {@value #CASES_KEPT} cases only, so memory stays bounded
 * whatever the span holds.
 */
@Component
public class StatementSource {

    /** Rows read per round trip. */
    static final int FETCH_SIZE = 1_000;

    static final int CASES_KEPT = 1_000;

    private final EnforcementRestrictions restrictions;
    private final ReviewCaseFacts cases;
    private final CaseJurisdictions jurisdictions;
    private final StatementBuilder builder;

    StatementSource(
            EnforcementRestrictions restrictions,
            ReviewCaseFacts cases,
            CaseJurisdictions jurisdictions,
            DsaSettings settings) {
        this.restrictions = restrictions;
        this.cases = cases;
        this.jurisdictions = jurisdictions;
        this.builder = new StatementBuilder(new Grounds(settings), settings.territorialScope());
    }

    /** Receives statements one by one. */
    @FunctionalInterface
    public interface Each {
        /**
         * @param puid the statement's platform-unique id
         * @param restrictedAt when the restriction was asked for
         * @param statement the statement's fields, in the Database's names
         */
        void accept(String puid, Instant restrictedAt, Map<String, Object> statement);
    }

    /**
     * Hands each statement of the restrictions asked for from {@code from} (included) until
     * {@code until} (excluded) to {@code each}.
     */
    public void each(Instant from, Instant until, Each each) {
        Map<String, Optional<CaseFacts>> recent = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<CaseFacts>> eldest) {
                return size() > CASES_KEPT;
            }
        };
        restrictions.eachRestriction(from, until, FETCH_SIZE, restriction -> {
            Optional<CaseFacts> facts = recent.computeIfAbsent(restriction.caseRef(), cases::of);
            each.accept(
                    StatementBuilder.puid(restriction),
                    restriction.at(),
                    builder.statement(restriction, facts, jurisdiction(restriction)));
        });
    }

    /** When the first restriction at or after {@code from} was asked for, if any was. */
    Optional<Instant> firstAtOrAfter(Instant from) {
        return restrictions.firstAtOrAfter(from);
    }

    private String jurisdiction(Restriction restriction) {
        return restriction.jurisdiction().orElseGet(() -> jurisdictions.of(restriction.caseRef()));
    }
}
