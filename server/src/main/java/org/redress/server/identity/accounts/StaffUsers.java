package org.redress.server.identity.accounts;

import java.util.List;
import java.util.Optional;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.UserId;
import org.redress.server.identity.Username;

public interface StaffUsers {

    /** @return false when the username is taken */
    boolean insert(StaffUser user);

    Optional<StaffUser> find(Username username);

    Optional<StaffUser> find(UserId id);

    List<StaffUser> all();

    boolean any();

    /** Compare-and-set on the version; @return false when someone else changed the row first. */
    boolean save(StaffUser user);
}
