package org.redress.server.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.transparency.Period;
import org.redress.server.transparency.ReportFormats;
import org.redress.server.transparency.TransparencyReport;

/**
 * {@code redress report transparency --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]
 * [--data DIR | --db URL]}: the transparency figures of the period (both days included, UTC) on
 * stdout, read from the same database a running service uses; it changes nothing. {@code redress
 * report ofcom} writes the information-notice pack ({@link OfcomPackReport}). {@code redress report
 * statements --from --to}: the period's DSA statements of reasons (ADR 0023).
 */
final class ReportCommand implements Command {

    private static final ArgumentRules TRANSPARENCY =
            ArgumentRules.none().valued("--from", "--to", "--format", "--data", "--db");
    private static final ArgumentRules STATEMENTS = ArgumentRules.none().valued("--from", "--to", "--data", "--db");

    enum Format {
        JSON,
        CSV
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "figures from the record: report transparency --from YYYY-MM-DD --to YYYY-MM-DD"
                + " [--format json|csv] [--data DIR | --db URL];"
                + " report ofcom --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--data DIR | --db URL];"
                + " report statements --from YYYY-MM-DD --to YYYY-MM-DD [--data DIR | --db URL]"
                + " (DSA statements of reasons, JSON Lines)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.isEmpty() && args.get(0).equals("ofcom")) {
            return OfcomPackReport.run(args.subList(1, args.size()), out, err);
        }
        if (!args.isEmpty() && args.get(0).equals("statements")) {
            return statements(args.subList(1, args.size()), out);
        }
        if (args.isEmpty() || !args.get(0).equals("transparency")) {
            throw new UsageException("expected transparency, ofcom or statements");
        }
        Arguments flags = TRANSPARENCY.parse(args.subList(1, args.size()));
        Period period = period(flags.required("--from"), flags.required("--to"));
        Format format = flags.choice("--format", Format.JSON);
        TransparencyReport report;
        try (var context = CommandContext.openWithFigures(flags)) {
            report = context.transparency().report(period);
        }
        if (format == Format.CSV) {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ReportFormats.csv(report, writer);
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.println(ReportFormats.json(report));
        }
        out.flush();
        return OK;
    }

    /** The DSA statements of the period, one JSON object a line, streamed to stdout. */
    private static int statements(List<String> args, PrintStream out) throws UsageException {
        Arguments flags = STATEMENTS.parse(args);
        Period period = period(flags.required("--from"), flags.required("--to"));
        try (var context = CommandContext.openWithFigures(flags)) {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            context.statements().exportJsonLines(period, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return OK;
    }

    static Period period(String from, String to) throws UsageException {
        try {
            return Period.parse(from, to);
        } catch (IllegalArgumentException e) {
            // Period's messages name the option and never repeat its value.
            throw new UsageException("--" + Objects.toString(e.getMessage(), "period is wrong"));
        }
    }
}
