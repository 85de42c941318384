package org.redress.server.storage;

import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;

/**
 * Run in a child process by {@link CrashRecoveryIntegrationTests}: issues API keys as fast as it
 * can on the SQLite database in the given data directory and prints each key's id once its
 * transaction has committed, until it is killed.
 */
final class CrashWriter {

    private CrashWriter() {}

    public static void main(String[] args) {
        var db = TestDatabase.existingSqlite(java.nio.file.Path.of(args[0]));
        var context = StorageContext.open(db);
        var identity = context.getBean(Identity.class);
        var actor = new Actor.Operator("crash-writer");
        for (int i = 0; ; i++) {
            var issued = identity.issueApiKey(actor, "crash " + i, Role.PLATFORM);
            System.out.println(issued.key().id());
            System.out.flush();
        }
    }
}
