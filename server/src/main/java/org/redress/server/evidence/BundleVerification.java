package org.redress.server.evidence;

/** What checking an evidence bundle found. */
public sealed interface BundleVerification {

    /**
     * Every file matches the signed manifest.
     *
     * @param files how many files the manifest lists
     * @param keyFingerprint the SHA-256 of the public key the signature was checked with
     * @param originChecked whether that key came from outside the bundle; with the bundle's own key
     *     the check proves the bundle is whole, not who made it
     */
    record Valid(int files, String keyFingerprint, boolean originChecked) implements BundleVerification {}

    /**
     * The first file or entry that does not match.
     *
     * @param entry the ZIP entry's name (such as {@code manifest.json})
     * @param reason why, in a few words
     */
    record Invalid(String entry, String reason) implements BundleVerification {}
}
