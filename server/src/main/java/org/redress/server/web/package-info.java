/**
 * Web concerns every module shares: the one mapping from exceptions to RFC 9457 problem details
 * ({@link org.redress.server.web.ProblemTypes} lists the service-wide types; modules' own types
 * live on their {@code DomainException}s), plus layout and static assets, and the two things a
 * module declares about its own pages so that no other module names their paths:
 * {@link org.redress.server.web.StaffLink} and {@link org.redress.server.web.OversizeUpload}. It
 * knows no business module. Every type is documented in {@code docs/problems.md}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"shared"})
package org.redress.server.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
