/**
 * The {@code ./redress} command line: one {@link org.redress.commandline.Command} per subcommand,
 * dispatched by {@link org.redress.server.cli.RedressCommandLine} and parsed by the rules of
 * {@link org.redress.commandline.ArgumentRules}. Only {@code serve} starts the web service;
 * {@code admin}, {@code audit} and {@code report} open a small context on the same database, and {@code hash} and
 * {@code match} need no Spring at all. Benchmarks are not here: they are the benchmarks module's jar.
 */
@NullMarked
@ApplicationModule(
        displayName = "Command line",
        allowedDependencies = {"shared", "identity", "audit", "transparency", "evidence"})
package org.redress.server.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
