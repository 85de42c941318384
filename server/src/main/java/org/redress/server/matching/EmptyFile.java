package org.redress.server.matching;

/** The digests of the empty file, which no bank that blocks should hold. */
final class EmptyFile {

    static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private EmptyFile() {}

    /** Whether the hashes name the empty file by either digest. */
    static boolean digestIn(EntryHashes hashes) {
        return hashes.md5().filter(MD5::equals).isPresent()
                || hashes.sha256().filter(SHA256::equals).isPresent();
    }
}
