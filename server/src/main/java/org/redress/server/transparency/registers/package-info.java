/**
 * The registers Ofcom asks a provider to keep and to show on request (OSA s.9 and s.23): the
 * illegal-content risk assessment for intimate image abuse, with the transparency figures it drew
 * on; the Codes measures taken, each with its code reference; and the individual accountable for
 * the duties (ICU A2). Every register is a series of versions that are never changed or removed,
 * and every new version is audited. {@link org.redress.server.transparency.registers.Registers} is
 * the entry point. Design: {@code docs/adr/0024-registers-and-published-policies.md}.
 */
@NullMarked
package org.redress.server.transparency.registers;

import org.jspecify.annotations.NullMarked;
