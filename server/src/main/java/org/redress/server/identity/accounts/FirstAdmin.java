package org.redress.server.identity.accounts;

import java.io.PrintStream;
import org.redress.server.identity.Identity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start of the web service with an empty database, creates the {@code admin} account
 * and prints its one-time password to standard output, once. It is never logged.
 */
@Component
@ConditionalOnWebApplication
class FirstAdmin implements ApplicationRunner {

    private final Identity identity;
    private final Environment environment;

    FirstAdmin(Identity identity, Environment environment) {
        this.identity = identity;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.createFirstAdminIfNoUsers().ifPresent(account -> {
            PrintStream out = System.out;
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            out.println();
            out.println("Created the first account. Sign in at http://localhost:" + port + "/ with");
            out.println("  username: " + account.user().username());
            out.println("  one-time password: " + account.oneTimePassword());
            out.println("You will be asked to choose a new password. This password is not shown again.");
            out.println();
            out.flush();
        });
    }
}
