package org.redress.server.transparency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.intake.TrustedFlagger;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.policies.Policies;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.policies.RemovalRequests;
import org.redress.server.transparency.registers.RegisterKind;
import org.redress.server.transparency.registers.Registers;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to an Ofcom information notice, as one dated folder: the figures of the period (JSON
 * and CSV), the removal requests of the period, every register with its current version and its
 * history, the policies in force with theirs, the result of checking the audit chain, and a
 * {@code manifest.json} listing every other file with its size and SHA-256, so that whoever
 * receives the folder can tell that nothing in it was changed or left out. It reads the record and
 * changes nothing.
 */
@Service
public class InformationPack {

    /** The manifest's name; it lists every other file of the folder. */
    public static final String MANIFEST = "manifest.json";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Transparency transparency;
    private final Registers registers;
    private final TrustedFlaggers flaggers;
    private final Policies policies;
    private final RemovalRequests removalRequests;
    private final AuditTrail audit;
    private final Clock clock;

    InformationPack(
            Transparency transparency,
            Registers registers,
            TrustedFlaggers flaggers,
            Policies policies,
            RemovalRequests removalRequests,
            AuditTrail audit,
            Clock clock) {
        this.transparency = transparency;
        this.registers = registers;
        this.flaggers = flaggers;
        this.policies = policies;
        this.removalRequests = removalRequests;
        this.audit = audit;
        this.clock = clock;
    }

    /** One file of the pack: its path within the folder, with {@code /} between names. */
    public record PackFile(String path, long bytes, String sha256) {}

    /** The folder written and what its manifest lists. */
    public record Written(Path folder, List<PackFile> files) {}

    /**
     * Writes the pack into a new folder under {@code parent}, named for the period and the day it
     * is made ({@code ofcom-2026-11-01-to-2026-11-30-made-2026-12-05}).
     *
     * @throws java.nio.file.FileAlreadyExistsException when that folder exists: a pack is never overwritten
     */
    public Written write(Period period, Path parent) throws IOException {
        Instant madeAt = SqlDialect.truncate(clock.instant());
        Path folder = parent.resolve("ofcom-" + period.from() + "-to-" + period.to() + "-made-"
                + LocalDate.ofInstant(madeAt, ZoneOffset.UTC));
        Files.createDirectories(parent);
        Files.createDirectory(folder);
        List<String> names = new ArrayList<>();
        writeFigures(period, folder, names);
        writeRegisters(folder, names);
        writePolicies(folder, names);
        writeJson(folder, "audit-verification.json", auditVerification(madeAt), names);
        List<PackFile> files = new ArrayList<>();
        for (String name : names) {
            Path file = folder.resolve(name);
            files.add(new PackFile(name, Files.size(file), sha256(file)));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("pack", "ofcom-information-notice");
        manifest.put("from", period.from().toString());
        manifest.put("to", period.to().toString());
        manifest.put("madeAt", madeAt.toString());
        manifest.put("files", files);
        Files.writeString(folder.resolve(MANIFEST), JSON.writeValueAsString(manifest), StandardCharsets.UTF_8);
        return new Written(folder, List.copyOf(files));
    }

    private void writeFigures(Period period, Path folder, List<String> names) throws IOException {
        Files.createDirectory(folder.resolve("figures"));
        TransparencyReport report = transparency.report(period);
        writeText(folder, "figures/transparency.json", ReportFormats.json(report), names);
        try (Writer out = Files.newBufferedWriter(folder.resolve("figures/transparency.csv"), StandardCharsets.UTF_8)) {
            ReportFormats.csv(report, out);
        }
        names.add("figures/transparency.csv");
        try (Writer out =
                Files.newBufferedWriter(folder.resolve("figures/removal-requests.csv"), StandardCharsets.UTF_8)) {
            removalRequests.export(period, out);
        }
        names.add("figures/removal-requests.csv");
    }

    private void writeRegisters(Path folder, List<String> names) throws IOException {
        Files.createDirectory(folder.resolve("registers"));
        for (RegisterKind kind : RegisterKind.values()) {
            Map<String, Object> register = new LinkedHashMap<>();
            register.put("register", kind.slug());
            register.put("title", kind.title());
            register.put("current", registers.current(kind).orElse(null));
            register.put("history", registers.history(kind));
            writeJson(folder, "registers/" + kind.slug() + ".json", register, names);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (TrustedFlagger entry : flaggers.register()) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("flaggerId", entry.id());
            listed.put("standingToday", flaggers.standingToday(entry).name());
            listed.put(
                    "history",
                    flaggers.history(entry.id()).stream()
                            .map(InformationPack::flagger)
                            .toList());
            entries.add(listed);
        }
        Map<String, Object> register = new LinkedHashMap<>();
        register.put("register", "trusted-flaggers");
        register.put("title", "Trusted flaggers (EU DSA Art. 22)");
        register.put("entries", entries);
        writeJson(folder, "registers/trusted-flaggers.json", register, names);
    }

    /** One version of a flagger's entry, newest first in its history. */
    private static Map<String, Object> flagger(TrustedFlagger v) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("version", v.version());
        version.put("organisation", v.organisation());
        version.put("awardedBy", v.awardedBy());
        version.put("expertise", v.expertise());
        version.put("contact", v.contact());
        version.put("since", v.since().toString());
        version.put("until", v.until().map(Object::toString).orElse(null));
        version.put("apiKeys", v.apiKeys());
        version.put("recordedBy", v.recordedBy());
        version.put("recordedAt", v.recordedAt().toString());
        return version;
    }

    private void writePolicies(Path folder, List<String> names) throws IOException {
        Files.createDirectory(folder.resolve("policies"));
        for (PolicyKind kind : PolicyKind.values()) {
            var inForce = policies.inForce(kind);
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("policy", kind.slug());
            policy.put("inForce", inForce);
            policy.put("history", policies.history(kind));
            writeJson(folder, "policies/" + kind.slug() + ".json", policy, names);
            writeText(folder, "policies/" + kind.slug() + ".txt", inForce.title() + "\n\n" + inForce.text(), names);
        }
    }

    private Map<String, Object> auditVerification(Instant checkedAt) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checkedAt", checkedAt.toString());
        switch (audit.verify()) {
            case ChainVerification.Intact intact -> {
                result.put("intact", true);
                result.put("entries", intact.entries());
            }
            case ChainVerification.Broken broken -> {
                result.put("intact", false);
                result.put("entries", broken.entries());
                result.put("brokenAt", broken.seq());
                result.put("reason", broken.reason());
            }
        }
        audit.head().ifPresent((AuditEntry head) -> {
            result.put("headSeq", head.seq());
            result.put("headHash", head.entryHash());
        });
        return result;
    }

    private static void writeJson(Path folder, String name, Object value, List<String> names) throws IOException {
        writeText(folder, name, JSON.writeValueAsString(value), names);
    }

    private static void writeText(Path folder, String name, String text, List<String> names) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        names.add(name);
    }

    /** The file's SHA-256 in lower-case hex, read in a stream whatever its size. */
    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is missing from this JVM", e));
        }
    }
}
