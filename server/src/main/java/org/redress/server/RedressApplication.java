package org.redress.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The Redress service. Start it with {@code ./redress serve}; the command line in
 * {@code org.redress.server.cli} turns the launcher's options into properties and runs this class.
 * Each direct sub-package is an application module (see each {@code package-info.java}).
 */
@SpringBootApplication
@Modulithic(sharedModules = {"shared", "storage", "web"})
public class RedressApplication {

    /** Runs the service with Spring's own argument handling; {@code ./redress serve} is the usual way in. */
    public static void main(String[] args) {
        SpringApplication.run(RedressApplication.class, args);
    }
}
