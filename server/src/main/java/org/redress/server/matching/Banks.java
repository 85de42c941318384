package org.redress.server.matching;

import java.util.List;
import java.util.Optional;

interface Banks {

    /** @return false when the name is taken */
    boolean insert(Bank bank);

    Optional<Bank> find(BankName name);

    Optional<Bank> findById(String id);

    List<Bank> all();

    void update(Bank bank);
}
