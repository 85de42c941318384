/**
 * The OpenMediaMatch 1.x (Hasher-Matcher-Actioner) REST routes under {@code /hma}, so that a client
 * written for HMA works against Redress by changing its base URL: the same paths, parameters and
 * JSON shapes, with Redress's API keys ({@code PLATFORM} for lookups and hashing, {@code ADMIN} for
 * curation). Where Redress differs on purpose, it refuses rather than pretends: no content is
 * fetched from URLs, banks that hold entries are disabled rather than deleted, and disabled entries
 * never match. Lookups here have no side effect; a platform registers its uploads with
 * {@code POST /api/v1/checks}.
 */
@NullMarked
package org.redress.server.matching.hma;

import org.jspecify.annotations.NullMarked;
