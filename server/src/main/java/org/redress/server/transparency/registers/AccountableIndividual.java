package org.redress.server.transparency.registers;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of the accountable individual (ICU A2.2: "an individual accountable to the most
 * senior governance body for compliance with the illegal content safety duties and the reporting
 * and complaints duties").
 *
 * @param name their name, as given to the regulator
 * @param role their role in the organisation
 * @param accountableTo the most senior governance body they answer to
 * @param since from when (YYYY-MM-DD)
 * @param responsibilities their written statement of responsibilities (ICU A3), if any
 */
public record AccountableIndividual(
        @Nullable String name,
        @Nullable String role,
        @Nullable String accountableTo,
        @Nullable String since,
        @Nullable String responsibilities)
        implements RegisterContent {

    @Override
    public RegisterKind kind() {
        return RegisterKind.ACCOUNTABLE_INDIVIDUAL;
    }

    @Override
    public AccountableIndividual checked() {
        var check = new FieldCheck();
        String checkedName = check.text("#/name", name, 200);
        String checkedRole = check.text("#/role", role, 200);
        String body = check.text("#/accountableTo", accountableTo, 200);
        LocalDate from = check.date("#/since", since);
        String statement = check.optionalText("#/responsibilities", responsibilities, 4_000);
        check.throwIfAny();
        return new AccountableIndividual(checkedName, checkedRole, body, String.valueOf(from), statement);
    }
}
