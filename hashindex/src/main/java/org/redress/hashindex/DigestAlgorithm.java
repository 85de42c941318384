package org.redress.hashindex;

/** The cryptographic digests a {@link DigestIndex} holds, with their lengths. */
public enum DigestAlgorithm {

    /** MD5: 16 bytes. Broken for security, still what many hash lists exchange. */
    MD5(16),

    /** SHA-256: 32 bytes. */
    SHA256(32);

    private final int bytes;

    DigestAlgorithm(int bytes) {
        this.bytes = bytes;
    }

    /** Returns the length of a digest in bytes: 16 or 32. */
    public int bytes() {
        return bytes;
    }
}
