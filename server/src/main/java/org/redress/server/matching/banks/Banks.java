package org.redress.server.matching.banks;

import java.util.List;
import java.util.Optional;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankName;

public interface Banks {

    /** @return false when the name is taken */
    boolean insert(Bank bank);

    Optional<Bank> find(BankName name);

    Optional<Bank> findById(String id);

    List<Bank> all();

    void update(Bank bank);
}
