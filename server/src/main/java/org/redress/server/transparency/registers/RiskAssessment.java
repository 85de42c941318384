package org.redress.server.transparency.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of the illegal-content risk assessment for intimate image abuse, with the fields of
 * Ofcom's record-keeping template (Table 8): the risk factors, the evidence (the transparency
 * figures of a period, kept with the version, and any other evidence in words), the level, when it
 * was completed, when it is to be reviewed (Ofcom recommends at least every 12 months), who approved
 * it and whether Ofcom's Risk Profiles were consulted. Who completed it is the staff member who
 * recorded the version. Dates are {@code YYYY-MM-DD}.
 *
 * @param level {@code NEGLIGIBLE}, {@code LOW}, {@code MEDIUM} or {@code HIGH}
 * @param riskFactors the relevant risk factors, one phrase each (Ofcom's Risk Profiles name them)
 * @param evidenceFrom the first day of the period whose figures are the evidence
 * @param evidenceTo the last day of that period, included
 * @param evidenceNotes other evidence considered, if any
 * @param assessedOn when the assessment was completed
 * @param nextReviewBy when it is to be reviewed next, within 12 months of {@code assessedOn}
 * @param approvedBy the name of who approved it
 * @param approverRole their role
 * @param riskProfilesConsulted whether Ofcom's Risk Profiles were consulted
 */
public record RiskAssessment(
        @Nullable String level,
        @Nullable List<String> riskFactors,
        @Nullable String evidenceFrom,
        @Nullable String evidenceTo,
        @Nullable String evidenceNotes,
        @Nullable String assessedOn,
        @Nullable String nextReviewBy,
        @Nullable String approvedBy,
        @Nullable String approverRole,
        @Nullable Boolean riskProfilesConsulted)
        implements RegisterContent {

    /** Ofcom's four risk levels. */
    public enum Level {
        NEGLIGIBLE,
        LOW,
        MEDIUM,
        HIGH
    }

    static final int MAX_FACTORS = 40;

    @Override
    public RegisterKind kind() {
        return RegisterKind.RISK_ASSESSMENT;
    }

    @Override
    public RiskAssessment checked() {
        var check = new FieldCheck();
        Level chosen = check.choice("#/level", level, Level.class);
        List<String> factors = factors(check);
        LocalDate from = check.date("#/evidenceFrom", evidenceFrom);
        LocalDate to = check.date("#/evidenceTo", evidenceTo);
        if (from != null && to != null && to.isBefore(from)) {
            check.problem("#/evidenceTo", "is before evidenceFrom");
        }
        LocalDate assessed = check.date("#/assessedOn", assessedOn);
        LocalDate review = check.date("#/nextReviewBy", nextReviewBy);
        if (assessed != null
                && review != null
                && (!review.isAfter(assessed) || review.isAfter(assessed.plusYears(1)))) {
            check.problem("#/nextReviewBy", "must fall after assessedOn and within 12 months of it");
        }
        String notes = check.optionalText("#/evidenceNotes", evidenceNotes, 4_000);
        String approver = check.text("#/approvedBy", approvedBy, 200);
        String role = check.text("#/approverRole", approverRole, 200);
        if (riskProfilesConsulted == null) {
            check.problem("#/riskProfilesConsulted", "is required, true or false");
        }
        check.throwIfAny();
        return new RiskAssessment(
                Objects.requireNonNull(chosen).name(),
                factors,
                String.valueOf(from),
                String.valueOf(to),
                notes,
                String.valueOf(assessed),
                String.valueOf(review),
                approver,
                role,
                riskProfilesConsulted);
    }

    private List<String> factors(FieldCheck check) {
        List<String> kept = new ArrayList<>();
        if (riskFactors == null || riskFactors.isEmpty()) {
            check.problem("#/riskFactors", "name at least one risk factor");
            return kept;
        }
        if (riskFactors.size() > MAX_FACTORS) {
            check.problem("#/riskFactors", "holds more than " + MAX_FACTORS + " factors");
            return kept;
        }
        for (int i = 0; i < riskFactors.size(); i++) {
            kept.add(check.text("#/riskFactors/" + i, riskFactors.get(i), 300));
        }
        return List.copyOf(kept);
    }
}
