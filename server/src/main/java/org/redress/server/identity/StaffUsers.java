package org.redress.server.identity;

import java.util.List;
import java.util.Optional;

interface StaffUsers {

    /** @return false when the username is taken */
    boolean insert(StaffUser user);

    Optional<StaffUser> find(Username username);

    Optional<StaffUser> find(UserId id);

    List<StaffUser> all();

    boolean any();

    /** Compare-and-set on the version; @return false when someone else changed the row first. */
    boolean save(StaffUser user);
}
