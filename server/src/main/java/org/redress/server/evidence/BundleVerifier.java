package org.redress.server.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an evidence bundle offline, with nothing but the bundle and, ideally, the operator's
 * published public key: the Ed25519 signature in {@code manifest.sig} over the bytes of
 * {@code manifest.json}, then each listed file's SHA-256, then that the ZIP holds nothing the
 * manifest does not list. It stops at the first mismatch and names it. Needs no database, no
 * Spring and no network.
 */
public final class BundleVerifier {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String FORMAT = "redress-evidence-v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BundleVerifier() {}

    /**
     * @param zip the bundle's bytes
     * @param publishedKey the operator's public key; empty to use the key the manifest carries, which
     *     proves integrity only: whoever altered the bundle could have re-signed it with a key of theirs
     */
    public static BundleVerification verify(byte[] zip, Optional<PublicKey> publishedKey) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Optional<BundleVerification.Invalid> unreadable = read(zip, entries);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            return new BundleVerification.Invalid(MANIFEST, "is missing");
        }
        byte[] signature = entries.get(SIGNATURE);
        if (signature == null) {
            return new BundleVerification.Invalid(SIGNATURE, "is missing");
        }
        if (publishedKey.isPresent() && !signatureMatches(publishedKey.get(), manifestBytes, signature)) {
            return badSignature();
        }
        JsonNode manifest;
        PublicKey key;
        try {
            manifest = JSON.readTree(manifestBytes);
            key = publishedKey.isPresent()
                    ? publishedKey.get()
                    : EvidenceKeys.fromPem(
                            manifest.path("signingKey").path("publicKeyPem").asString());
        } catch (JacksonException | IllegalArgumentException e) {
            return new BundleVerification.Invalid(MANIFEST, "is not a readable manifest");
        }
        if (publishedKey.isEmpty() && !signatureMatches(key, manifestBytes, signature)) {
            return badSignature();
        }
        if (!FORMAT.equals(manifest.path("format").asString())
                || !manifest.path("files").isArray()) {
            return new BundleVerification.Invalid(MANIFEST, "is not a " + FORMAT + " manifest");
        }
        return checkFiles(manifest.path("files"), entries)
                .<BundleVerification>map(invalid -> invalid)
                .orElseGet(() -> new BundleVerification.Valid(
                        manifest.path("files").size(), EvidenceKeys.fingerprint(key), publishedKey.isPresent()));
    }

    private static Optional<BundleVerification.Invalid> checkFiles(JsonNode files, Map<String, byte[]> entries) {
        Set<String> listed = new HashSet<>();
        for (JsonNode file : files) {
            String path = file.path("path").asString();
            String expected = file.path("sha256").asString();
            byte[] content = entries.get(path);
            if (content == null) {
                return Optional.of(new BundleVerification.Invalid(path, "is listed in the manifest but missing"));
            }
            if (!EvidenceKeys.sha256Hex(content).equals(expected)) {
                return Optional.of(new BundleVerification.Invalid(path, "does not match its SHA-256 in the manifest"));
            }
            listed.add(path);
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name) && !name.equals(MANIFEST) && !name.equals(SIGNATURE)) {
                return Optional.of(new BundleVerification.Invalid(name, "is not listed in the manifest"));
            }
        }
        return Optional.empty();
    }

    private static BundleVerification.Invalid badSignature() {
        return new BundleVerification.Invalid(
                MANIFEST, "does not match its signature in " + SIGNATURE + " (altered, or signed with another key)");
    }

    private static Optional<BundleVerification.Invalid> read(byte[] zip, Map<String, byte[]> entries) {
        String current = "the ZIP file";
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                current = entry.getName();
                if (entries.put(current, in.readAllBytes()) != null) {
                    return Optional.of(new BundleVerification.Invalid(current, "appears twice in the ZIP"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(new BundleVerification.Invalid(current, "cannot be read: the ZIP entry is damaged"));
        }
        if (entries.isEmpty()) {
            return Optional.of(new BundleVerification.Invalid("the ZIP file", "holds no entries"));
        }
        return Optional.empty();
    }

    static boolean signatureMatches(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(EvidenceKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }
}
