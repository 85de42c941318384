/**
 * Exact search among PDQ hashes and cryptographic digests.
 *
 * <pre>{@code
 * MultiIndex index = MultiIndex.builder()
 *         .add(17L, PdqHash.fromHex(bankHex))     // caller-defined ids; hashes may repeat
 *         .build();                               // immutable; share it across threads
 * List<Match> hits = index.search(query, 31);     // every entry within 31 bits, no other
 * }</pre>
 *
 * <p>{@link org.redress.hashindex.IndexWriter} keeps a bank current with adds and removes and
 * publishes immutable snapshots; {@link org.redress.hashindex.LinearIndex} is the oracle every
 * other index is tested against.
 */
package org.redress.hashindex;
