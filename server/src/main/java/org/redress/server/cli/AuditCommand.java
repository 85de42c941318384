package org.redress.server.cli;

import java.io.PrintStream;
import java.util.List;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.audit.ChainVerification;

/** {@code redress audit verify [--data DIR | --db URL]}: prints {@code entries=N ok}, or names the first broken entry and exits 1. */
final class AuditCommand implements Command {

    private static final ArgumentRules RULES = ArgumentRules.none().valued("--data", "--db");

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "check the audit chain: audit verify [--data DIR | --db URL]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty() || !args.get(0).equals("verify")) {
            throw new UsageException("expected verify");
        }
        Arguments flags = RULES.parse(args.subList(1, args.size()));
        try (var context = CommandContext.open(flags)) {
            return switch (context.auditTrail().verify()) {
                case ChainVerification.Intact intact -> {
                    out.println("entries=" + intact.entries() + " ok");
                    context.auditTrail().head().ifPresent(head -> err.println(
                            "redress audit: last entry " + head.seq() + " has hash " + head.entryHash()
                                    + "; record it elsewhere to detect a truncated log later"));
                    yield OK;
                }
                case ChainVerification.Broken broken -> {
                    out.println("entries=" + broken.entries() + " broken at entry " + broken.seq() + ": " + broken.reason());
                    err.println("redress audit: entry " + broken.seq() + " " + broken.reason());
                    yield SOME_INPUT_BAD;
                }
            };
        }
    }
}
