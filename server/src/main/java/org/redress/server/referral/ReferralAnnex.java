package org.redress.server.referral;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.redress.server.review.CaseAnnex;
import org.redress.server.shared.CaseRef;
import org.springframework.stereotype.Component;

/** The case page's section on the case's referrals: their state and the agency's report id. */
@Component
class ReferralAnnex implements CaseAnnex {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .withLocale(java.util.Locale.UK);

    private final ReferralStore store;

    ReferralAnnex(ReferralStore store) {
        this.store = store;
    }

    @Override
    public Optional<Section> about(CaseRef ref) {
        List<Referral> referrals = store.forCase(ref);
        if (referrals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section(
                "referrals",
                "Referral to the NCA or NCMEC",
                referrals.stream().map(ReferralAnnex::line).toList()));
    }

    static String line(Referral referral) {
        String agency = referral.agency().name();
        String id = referral.reportId().map(r -> ", report id " + r).orElse("");
        String failing = referral.lastError()
                .filter(e -> referral.state() != ReferralState.SENT)
                .map(e -> " The last attempt failed (" + e + "); it is tried again.")
                .orElse("");
        return switch (referral.state()) {
            case QUEUED -> agency + ": being built." + failing;
            case READY -> agency + ": built, being submitted." + failing;
            case SUBMITTED -> agency + ": submitted" + id + ", being finished." + failing;
            case SENT ->
                agency + ": sent" + id + " ("
                        + referral.finishedAt().map(WHEN::format).orElse("") + ")" + "; the reference is kept until "
                        + WHEN.format(referral.retainUntil()) + ".";
            case MANUAL ->
                agency + ": no endpoint is configured. Compliance staff file the built report through the " + agency
                        + "'s own service and record the reference it gives.";
            case WITHDRAWING -> agency + ": withdrawn by compliance staff" + id + ", being retracted." + failing;
            case WITHDRAWN -> agency + ": withdrawn by compliance staff before it was finished" + id + ".";
        };
    }
}
