package org.redress.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class BundleVerifierTests {

    private static final BundleZip.Header HEADER = new BundleZip.Header(
            "RD-AAAA-BBBB-CCCC",
            List.of("RD-AAAA-BBBB-CCCC"),
            "STAFF:carol",
            "Police request 42",
            Instant.parse("2026-12-05T12:00:00Z"),
            "LE-2026-ABCDEFGH");

    private final KeyPair operator = generate();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] bundle(KeyPair key) {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("README.txt", "read me".getBytes(StandardCharsets.UTF_8));
        files.put("content/a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4});
        files.put("cases/RD-AAAA-BBBB-CCCC/case.json", "{\"state\":\"REMOVED\"}".getBytes(StandardCharsets.UTF_8));
        return BundleZip.build(HEADER, files, new SigningKeys.SigningKey(1, key))
                .zip();
    }

    private BundleVerification verify(byte[] zip) {
        return BundleVerifier.verify(zip, Optional.of(operator.getPublic()));
    }

    @Test
    void acceptsAnUntouchedBundleWithThePublishedKey() {
        assertThat(verify(bundle(operator)))
                .isEqualTo(new BundleVerification.Valid(3, EvidenceKeys.fingerprint(operator.getPublic()), true));
    }

    @Test
    void saysThatTheBundlesOwnKeyChecksIntegrityOnly() {
        var result = BundleVerifier.verify(bundle(operator), Optional.empty());
        assertThat(result)
                .isInstanceOfSatisfying(
                        BundleVerification.Valid.class,
                        valid -> assertThat(valid.originChecked()).isFalse());
    }

    @Test
    void namesEachFileWhoseBytesChanged() throws IOException {
        Map<String, byte[]> files = unzip(bundle(operator));
        for (String name : List.of("README.txt", "content/a.png", "cases/RD-AAAA-BBBB-CCCC/case.json")) {
            var altered = new LinkedHashMap<>(files);
            byte[] bytes = files.get(name).clone();
            bytes[0] ^= 0x01;
            altered.put(name, bytes);
            assertThat(verify(zip(altered)))
                    .isEqualTo(new BundleVerification.Invalid(name, "does not match its SHA-256 in the manifest"));
        }
    }

    @Test
    void namesTheManifestWhenItOrItsSignatureChanged() throws IOException {
        Map<String, byte[]> files = unzip(bundle(operator));
        for (String name : List.of("manifest.json", "manifest.sig")) {
            var altered = new LinkedHashMap<>(files);
            byte[] bytes = files.get(name).clone();
            bytes[bytes.length / 2] ^= 0x01;
            altered.put(name, bytes);
            assertThat(verify(zip(altered)))
                    .isInstanceOfSatisfying(
                            BundleVerification.Invalid.class,
                            invalid -> assertThat(invalid.entry()).isEqualTo("manifest.json"));
        }
    }

    @Test
    void refusesABundleSignedWithAnotherKey() {
        var result = verify(bundle(generate()));
        assertThat(result).isInstanceOfSatisfying(BundleVerification.Invalid.class, invalid -> {
            assertThat(invalid.entry()).isEqualTo("manifest.json");
            assertThat(invalid.reason()).contains("signed with another key");
        });
    }

    @Test
    void namesAFileAddedOrRemovedBehindTheManifest() throws IOException {
        Map<String, byte[]> files = unzip(bundle(operator));
        var added = new LinkedHashMap<>(files);
        added.put("content/extra.png", new byte[] {1});
        assertThat(verify(zip(added)))
                .isEqualTo(new BundleVerification.Invalid("content/extra.png", "is not listed in the manifest"));
        var removed = new LinkedHashMap<>(files);
        removed.remove("content/a.png");
        assertThat(verify(zip(removed)))
                .isEqualTo(new BundleVerification.Invalid("content/a.png", "is listed in the manifest but missing"));
    }

    @Test
    void namesAZipEntryDamagedInPlace() {
        byte[] zip = bundle(operator);
        byte[] damaged = zip.clone();
        // The first entry's data start after its 30-byte local header, its name and its extra field.
        int nameLength = (zip[26] & 0xFF) | (zip[27] & 0xFF) << 8;
        int extraLength = (zip[28] & 0xFF) | (zip[29] & 0xFF) << 8;
        damaged[30 + nameLength + extraLength + 2] ^= 0x01;
        assertThat(verify(damaged))
                .isInstanceOfSatisfying(
                        BundleVerification.Invalid.class,
                        invalid -> assertThat(invalid.entry()).isEqualTo("README.txt"));
    }

    @Test
    void readsBackThePemItWrites() {
        String pem = EvidenceKeys.pem(operator.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(EvidenceKeys.fromPem(pem)).isEqualTo(operator.getPublic());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
