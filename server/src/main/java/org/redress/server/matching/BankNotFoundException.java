package org.redress.server.matching;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No bank has the given name. */
public class BankNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/bank-not-found");

    BankNotFoundException(BankName name) {
        super(TYPE, Kind.NOT_FOUND, "There is no bank with this name.", Map.of("bank", name.value()));
    }
}
