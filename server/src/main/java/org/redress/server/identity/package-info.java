/**
 * Who may do what: staff accounts with passwords, machine API keys, roles, sign-in with its
 * throttle, and the security filter chains. Every controller method declares its audience with
 * {@link org.redress.server.identity.Allow} or {@link org.redress.server.identity.AllowAnyone};
 * a method without one is refused to everybody. The {@link org.redress.server.identity.Identity}
 * facade publishes {@code UserCreated}, {@code ApiKeyIssued}, {@code ApiKeyRevoked} and
 * {@code PasswordChanged}, which the audit log records.
 */
@NullMarked
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared", "storage", "web"})
package org.redress.server.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
