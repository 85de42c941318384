/**
 * Policies in force, published: the terms-of-service section on intimate image abuse and the UK
 * OSA s.20A reporting route, and the notice the US TAKE IT DOWN Act s.3(a)(2) requires of how to
 * ask for removal. Compliance staff publish new versions; the newest is in force from when it was
 * published, earlier ones are kept, and until a platform publishes its own the texts Redress ships
 * are shown. Also the regulator's log of removal requests, streamed as CSV.
 * {@link org.redress.server.transparency.policies.Policies} is the entry point.
 */
@NullMarked
package org.redress.server.transparency.policies;

import org.jspecify.annotations.NullMarked;
