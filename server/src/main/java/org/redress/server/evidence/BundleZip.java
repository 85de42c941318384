package org.redress.server.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Lays a bundle out: the files, then {@code manifest.json} (the format, the case, who exported it,
 * when and why, the signing key, and every file with its size and SHA-256), then
 * {@code manifest.sig}, the raw 64-byte Ed25519 signature of the manifest's exact bytes, the form
 * {@code openssl pkeyutl -verify -rawin} reads.
 */
final class BundleZip {

    /** The bundle and the SHA-256 of its manifest, which names the export. */
    @SuppressWarnings("ArrayRecordComponent")
    record Built(byte[] zip, String manifestSha256) {}

    /** Who exported what and why, as the manifest states it. */
    record Header(
            String caseRef,
            List<String> cases,
            String exportedBy,
            String reason,
            Instant exportedAt,
            @Nullable String requestId) {}

    private BundleZip() {}

    static Built build(Header header, Map<String, byte[]> files, SigningKeys.SigningKey key) {
        byte[] manifest = CaseEvidence.json(manifest(header, files, key));
        byte[] signature = key.sign(manifest);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue(), header.exportedAt());
            }
            put(zip, BundleVerifier.MANIFEST, manifest, header.exportedAt());
            put(zip, BundleVerifier.SIGNATURE, signature, header.exportedAt());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a ZIP in memory failed", e);
        }
        return new Built(out.toByteArray(), EvidenceKeys.sha256Hex(manifest));
    }

    private static Map<String, Object> manifest(Header header, Map<String, byte[]> files, SigningKeys.SigningKey key) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", BundleVerifier.FORMAT);
        manifest.put("caseRef", header.caseRef());
        manifest.put("cases", header.cases());
        manifest.put("exportedAt", header.exportedAt().toString());
        manifest.put("exportedBy", header.exportedBy());
        manifest.put("reason", header.reason());
        if (header.requestId() != null) {
            manifest.put("lawEnforcementRequest", header.requestId());
        }
        var signingKey = new LinkedHashMap<String, Object>();
        signingKey.put("algorithm", EvidenceKeys.ALGORITHM);
        signingKey.put("sha256", EvidenceKeys.fingerprint(key.pair().getPublic()));
        signingKey.put("publicKeyPem", EvidenceKeys.pem(key.pair().getPublic()));
        manifest.put("signingKey", signingKey);
        List<Map<String, Object>> listed = new ArrayList<>();
        files.forEach((path, content) -> {
            var file = new LinkedHashMap<String, Object>();
            file.put("path", path);
            file.put("size", content.length);
            file.put("sha256", EvidenceKeys.sha256Hex(content));
            listed.add(file);
        });
        manifest.put("files", listed);
        return manifest;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, Instant at) throws IOException {
        var entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(at));
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
