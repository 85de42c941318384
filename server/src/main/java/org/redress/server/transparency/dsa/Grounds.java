package org.redress.server.transparency.dsa;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.redress.server.review.RemovalBasis;
import org.redress.server.shared.Jurisdiction;

/**
 * The ground of a DSA statement for the jurisdiction declared for the content or uploader. The
 * Database's legal ground is an EU or member-state provision, so the Act's criminal offences of the
 * UK or the US are no legal ground there: a statement cites a legal ground only where the platform
 * configured the provision it relies on for that state ({@code redress.transparency.dsa.legal-grounds}).
 * Otherwise it rests on the platform's terms, says the content is also illegal, and names the
 * offence of the declared jurisdiction in its explanation. A removal the moderator based on the
 * terms alone always rests on the terms.
 */
final class Grounds {

    private final DsaSettings settings;

    Grounds(DsaSettings settings) {
        this.settings = settings;
    }

    Map<String, Object> ground(Optional<RemovalBasis> basis, String jurisdictionCode, String explanation) {
        var fields = new LinkedHashMap<String, Object>();
        Jurisdiction jurisdiction = Jurisdiction.of(jurisdictionCode).orElse(Jurisdiction.UK_AND_US);
        boolean termsOnly =
                basis.filter(b -> b == RemovalBasis.TERMS_OF_SERVICE).isPresent();
        Optional<String> legal = jurisdiction.inEea() ? settings.legalGround(jurisdictionCode) : Optional.empty();
        if (!termsOnly && legal.isPresent()) {
            fields.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
            fields.put("illegal_content_legal_ground", legal.get());
            fields.put("illegal_content_explanation", explanation);
        } else {
            fields.put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
            fields.put("incompatible_content_ground", settings.termsGround());
            fields.put(
                    "incompatible_content_explanation",
                    termsOnly
                            ? "A moderator judged that the item breaks the terms of service."
                            : explanation + " It is also an offence under " + jurisdiction.provisions() + ".");
            if (!termsOnly) {
                fields.put("incompatible_content_illegal", "Yes");
            }
        }
        URI termsUrl = settings.termsUrl();
        if (termsUrl != null && (termsOnly || legal.isEmpty())) {
            fields.put("decision_ground_reference_url", termsUrl.toString());
        }
        return fields;
    }
}
