package org.redress.server.matching;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Matching's settings, under {@code redress.matching}.
 *
 * @param victimsBank the bank that victims' hash submissions land in, created on first use
 * @param victimsBankAction what a match in it means when it is created (BLOCK by default; an
 *     administrator may change it later)
 * @param confirmedRemovalsBank the BLOCK bank that the hashes of content whose removal the
 *     platform confirmed land in, created on first use
 */
@Validated
@ConfigurationProperties("redress.matching")
record MatchingSettings(
        @DefaultValue("victims") @NotNull String victimsBank,
        @DefaultValue("BLOCK") @NotNull BankAction victimsBankAction,
        @DefaultValue("confirmed-removals") @NotNull String confirmedRemovalsBank) {

    MatchingSettings {
        new BankName(victimsBank);
        new BankName(confirmedRemovalsBank);
    }
}
