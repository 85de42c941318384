package org.redress.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.transparency.InformationPack;
import org.redress.server.transparency.Period;

/**
 * {@code redress report ofcom --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--data DIR | --db URL]}:
 * writes the information-notice pack of the period into a new dated folder under {@code DIR} and
 * prints the folder's path; exits 1, writing nothing, when that folder already exists (a pack is
 * never overwritten). It reads the record and changes nothing.
 */
final class OfcomPackReport {

    private static final ArgumentRules OFCOM = ArgumentRules.none().valued("--from", "--to", "--out", "--data", "--db");

    private OfcomPackReport() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments flags = OFCOM.parse(args);
        Period period = ReportCommand.period(flags.required("--from"), flags.required("--to"));
        Path parent = Path.of(flags.required("--out"));
        try (var context = CommandContext.openWithPack(flags)) {
            InformationPack.Written written = context.informationPack().write(period, parent);
            out.println(written.folder());
            err.println("redress report: " + written.files().size() + " files, listed with their SHA-256 in "
                    + written.folder().resolve(InformationPack.MANIFEST));
            return Command.OK;
        } catch (FileAlreadyExistsException e) {
            err.println("redress report: " + e.getFile() + " exists already; a pack is never overwritten");
            return Command.SOME_INPUT_BAD;
        } catch (IOException e) {
            err.println("redress report: cannot write the pack under " + parent + ": " + e.getMessage());
            return Command.SOME_INPUT_BAD;
        }
    }
}
