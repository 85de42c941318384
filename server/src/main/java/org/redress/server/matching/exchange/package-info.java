/**
 * The StopNCII.org hash exchange: a scheduled client of its partner API that pages through
 * {@code FetchHashes} from a stored checkpoint and keeps a bank in step with it. Each record is a
 * full snapshot of one hash: new hashes are banked (with the trust and action the operator gives
 * StopNCII, which accepts any submission), withdrawn or deleted ones stop matching at once, and a
 * hash that becomes active again matches again. One replica fetches at a time, under a lease in
 * the database; credentials come from the settings and are never stored.
 */
@NullMarked
package org.redress.server.matching.exchange;

import org.jspecify.annotations.NullMarked;
