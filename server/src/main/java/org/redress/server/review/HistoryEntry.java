package org.redress.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One dated line of a case's history as moderators see it.
 *
 * @param at when
 * @param actor who ({@code STAFF:alice}, {@code SYSTEM}, ...)
 * @param what the step, such as {@code CLAIMED}
 * @param detail ids or codes that go with it
 */
public record HistoryEntry(Instant at, String actor, HistoryStep what, Optional<String> detail) {}
