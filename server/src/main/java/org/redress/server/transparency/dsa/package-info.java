/**
 * Statements of reasons for the EU DSA Transparency Database (Art. 24(5); ADR 0023): every
 * restriction as one statement in the Database's schema, exported as JSON Lines and, when
 * {@code redress.transparency.dsa.url} is set, sent in batches through an outbox keyed by the
 * statement's {@code puid}, so that each is sent once.
 */
@NullMarked
package org.redress.server.transparency.dsa;

import org.jspecify.annotations.NullMarked;
