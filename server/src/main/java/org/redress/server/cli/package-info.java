/**
 * The {@code ./redress} command line: one {@link org.redress.server.cli.Command} per subcommand,
 * dispatched by {@link org.redress.server.cli.RedressCommandLine}. Only {@code serve} starts the
 * web service; {@code admin} and {@code audit} open a small context on the same database, and
 * {@code hash} needs no Spring at all.
 */
@NullMarked
@ApplicationModule(displayName = "Command line", allowedDependencies = { "shared", "identity", "audit" })
package org.redress.server.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
