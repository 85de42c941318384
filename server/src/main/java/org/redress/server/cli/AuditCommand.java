package org.redress.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.audit.AuditAnchor;
import org.redress.server.audit.ChainVerification;

/**
 * {@code redress audit verify [--anchor FILE] [--data DIR | --db URL]}: prints {@code entries=N ok},
 * or names the first broken entry and exits 1; with an anchor, also exits 1 when the chain no longer
 * holds the anchored head. {@code redress audit anchor [--data DIR | --db URL]}: prints a checkpoint
 * of the head for the operator to keep elsewhere.
 */
final class AuditCommand implements Command {

    private static final ArgumentRules VERIFY = ArgumentRules.none().valued("--data", "--db", "--anchor");
    private static final ArgumentRules ANCHOR = ArgumentRules.none().valued("--data", "--db");

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "check the audit chain: audit verify [--anchor FILE] [--data DIR | --db URL];"
                + " audit anchor [--data DIR | --db URL]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("expected verify or anchor");
        }
        return switch (args.get(0)) {
            case "verify" -> verify(VERIFY.parse(args.subList(1, args.size())), out, err);
            case "anchor" -> anchor(ANCHOR.parse(args.subList(1, args.size())), out);
            default -> throw new UsageException("expected verify or anchor");
        };
    }

    private static int anchor(Arguments flags, PrintStream out) throws UsageException {
        try (var context = CommandContext.open(flags)) {
            out.println(context.auditTrail().anchor().line());
            return OK;
        }
    }

    private static int verify(Arguments flags, PrintStream out, PrintStream err) throws UsageException {
        AuditAnchor anchor = null;
        if (flags.value("--anchor").isPresent()) {
            anchor = readAnchor(Path.of(flags.value("--anchor").get()));
        }
        try (var context = CommandContext.open(flags)) {
            ChainVerification result;
            try {
                result = anchor == null
                        ? context.auditTrail().verify()
                        : context.auditTrail().verify(anchor);
            } catch (IllegalArgumentException e) {
                err.println("redress audit: " + e.getMessage());
                return SOME_INPUT_BAD;
            }
            return switch (result) {
                case ChainVerification.Intact intact -> {
                    out.println("entries=" + intact.entries() + " ok");
                    context.auditTrail()
                            .head()
                            .ifPresent(head -> err.println(
                                    "redress audit: last entry " + head.seq() + " has hash " + head.entryHash()
                                            + "; keep 'redress audit anchor' output elsewhere to "
                                            + "detect a truncated log"));
                    yield OK;
                }
                case ChainVerification.Broken broken -> {
                    out.println("entries=" + broken.entries() + " broken at entry " + broken.seq() + ": "
                            + broken.reason());
                    err.println("redress audit: entry " + broken.seq() + " " + broken.reason());
                    yield SOME_INPUT_BAD;
                }
            };
        }
    }

    private static AuditAnchor readAnchor(Path file) throws UsageException {
        try {
            return AuditAnchor.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("cannot read the anchor file " + file);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the anchor file " + file + " holds no audit anchor line");
        }
    }
}
