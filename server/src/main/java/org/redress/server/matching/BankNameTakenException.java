package org.redress.server.matching;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A bank with the given name exists already. */
public class BankNameTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/bank-name-taken");

    BankNameTakenException(BankName name) {
        super(TYPE, Kind.CONFLICT, "A bank with this name exists.", Map.of("bank", name.value()));
    }
}
