/**
 * Exact search among PDQ hashes and cryptographic digests. {@link org.redress.hashindex.MultiIndex}
 * answers Hamming-radius queries over millions of PDQ hashes with multi-index hashing,
 * {@link org.redress.hashindex.LinearIndex} is the simple oracle it is tested against,
 * {@link org.redress.hashindex.IndexWriter} keeps a bank current with adds and removes and publishes
 * immutable {@link org.redress.hashindex.IndexSnapshot}s, and
 * {@link org.redress.hashindex.DigestIndex} finds exact MD5 and SHA-256 digests.
 */
module org.redress.hashindex {
    requires transitive org.redress.pdq;

    exports org.redress.hashindex;
}
