package org.redress.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.RedressApplication;
import org.redress.server.evidence.BundleVerification;
import org.redress.server.evidence.BundleVerifier;
import org.redress.server.evidence.Evidence;
import org.redress.server.evidence.EvidenceKeys;
import org.redress.server.evidence.RetentionKind;
import org.redress.server.evidence.RetentionSweep;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * {@code redress evidence export --case REF --out FILE.zip [--reason TEXT] [--data DIR | --db URL]}:
 * writes a case's signed bundle (recorded and audited like an export over the API).
 * {@code redress evidence verify FILE.zip [--public-key FILE]}: checks a bundle offline, prints
 * {@code ok} or names the first file or entry that does not match and exits 1.
 * {@code redress evidence public-key [--data DIR | --db URL]}: prints the public key to publish.
 * {@code redress evidence sweep [--data DIR | --db URL]}: runs the retention sweep once (ADR 0021)
 * and prints what it deleted, one {@code kind: count} line per kind; exits 1 when another instance
 * holds the sweep.
 */
final class EvidenceCommand implements Command {

    private static final ArgumentRules EXPORT =
            ArgumentRules.none().valued("--case", "--out", "--reason", "--data", "--db");
    private static final ArgumentRules VERIFY =
            ArgumentRules.none().valued("--public-key").positionals("FILE.zip", 1, 1);
    private static final ArgumentRules PUBLIC_KEY = ArgumentRules.none().valued("--data", "--db");
    private static final ArgumentRules SWEEP = ArgumentRules.none().valued("--data", "--db");

    /** Recorded as the reason when the operator gives none. */
    static final String NO_REASON = "exported on the command line; no reason given";

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public String summary() {
        return "evidence bundles: evidence export --case REF --out FILE.zip [--reason TEXT] [--data DIR | --db URL];"
                + " evidence verify FILE.zip [--public-key FILE]; evidence public-key [--data DIR | --db URL];"
                + " evidence sweep [--data DIR | --db URL]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("expected export, verify, public-key or sweep");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "export" -> export(EXPORT.parse(rest), out, err);
            case "verify" -> verify(VERIFY.parse(rest), out, err);
            case "public-key" -> publicKey(PUBLIC_KEY.parse(rest), out);
            case "sweep" -> sweep(SWEEP.parse(rest), out, err);
            default -> throw new UsageException("expected export, verify, public-key or sweep");
        };
    }

    private static int verify(Arguments flags, PrintStream out, PrintStream err) throws UsageException {
        Path bundle = Path.of(flags.positionals().getFirst());
        Optional<PublicKey> key = Optional.empty();
        if (flags.value("--public-key").isPresent()) {
            key = Optional.of(readKey(Path.of(flags.value("--public-key").get())));
        }
        byte[] zip;
        try {
            zip = Files.readAllBytes(bundle);
        } catch (IOException e) {
            throw new UsageException("cannot read the bundle " + bundle);
        }
        return switch (BundleVerifier.verify(zip, key)) {
            case BundleVerification.Valid valid -> {
                out.println("ok");
                err.println("redress evidence: " + valid.files() + " files match the manifest, signed by the key "
                        + valid.keyFingerprint());
                if (!valid.originChecked()) {
                    err.println("redress evidence: checked with the key inside the bundle, which proves integrity"
                            + " only, not origin; give --public-key with the operator's published key to check"
                            + " who signed it");
                }
                yield OK;
            }
            case BundleVerification.Invalid invalid -> {
                out.println(invalid.entry() + ": " + invalid.reason());
                err.println("redress evidence: " + invalid.entry() + " " + invalid.reason());
                yield SOME_INPUT_BAD;
            }
        };
    }

    private static PublicKey readKey(Path file) throws UsageException {
        try {
            return EvidenceKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UsageException("cannot read the public key file " + file);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the file " + file + " holds no Ed25519 public key in PEM");
        }
    }

    private static int export(Arguments flags, PrintStream out, PrintStream err) throws UsageException {
        CaseRef ref;
        try {
            ref = new CaseRef(flags.required("--case"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--case is not a case reference");
        }
        Path target = Path.of(flags.required("--out"));
        String reason = flags.value("--reason").orElse(NO_REASON);
        try (var service = Service.open(flags)) {
            var bundle = service.evidence().export(new Actor.Operator("cli"), ref, reason);
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.write(partial, bundle.zip());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("manifest-sha256: " + bundle.manifestSha256());
            return OK;
        } catch (org.redress.server.shared.DomainException e) {
            err.println("redress evidence: " + e.getMessage());
            return SOME_INPUT_BAD;
        } catch (IOException e) {
            err.println("redress evidence: cannot write " + target + ": " + e.getMessage());
            return SOME_INPUT_BAD;
        }
    }

    private static int publicKey(Arguments flags, PrintStream out) throws UsageException {
        try (var service = Service.open(flags)) {
            out.print(service.evidence().publicKeyPem());
            return OK;
        }
    }

    private static int sweep(Arguments flags, PrintStream out, PrintStream err) throws UsageException {
        try (var service = Service.open(flags)) {
            RetentionSweep.Report report =
                    service.context().getBean(RetentionSweep.class).sweep();
            if (!report.ran()) {
                err.println("redress evidence: another instance is sweeping now; nothing was deleted");
                return SOME_INPUT_BAD;
            }
            for (RetentionKind kind : RetentionKind.values()) {
                out.println(kind.label() + ": " + report.deleted().getOrDefault(kind, 0));
            }
            out.println("orphaned-media-files: " + report.orphanedFiles());
            out.println("kept-by-holds: " + report.keptByHolds());
            return OK;
        }
    }

    /**
     * The whole service without its web server, since a bundle draws on every module; its scheduled
     * work (webhook dispatch, sweeps) is cancelled at once, so the command only reads and records
     * its export beside a running service.
     */
    private record Service(org.springframework.context.ConfigurableApplicationContext context)
            implements AutoCloseable {

        static Service open(Arguments flags) throws UsageException {
            if (flags.value("--data").isPresent() && flags.value("--db").isPresent()) {
                throw new UsageException("give --data or --db, not both");
            }
            List<String> args = new ArrayList<>();
            flags.value("--data").ifPresent(data -> args.add("--redress.data=" + data));
            flags.value("--db").ifPresent(db -> args.add("--redress.db-url=" + db));
            var context = new SpringApplicationBuilder(RedressApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties(
                            "redress.log-target=System.err",
                            "logging.level.root=WARN",
                            "logging.level.org.redress.server.storage=ERROR")
                    .run(args.toArray(String[]::new));
            context.getBeansOfType(ScheduledTaskHolder.class)
                    .values()
                    .forEach(holder -> holder.getScheduledTasks().forEach(ScheduledTask::cancel));
            return new Service(context);
        }

        Evidence evidence() {
            return context.getBean(Evidence.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
