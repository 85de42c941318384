package org.redress.server.cli;

import java.io.PrintStream;
import java.util.List;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.redress.server.shared.DomainException;

/**
 * {@code redress admin create-user --username U --role ROLE [--api-key]} and
 * {@code redress admin create-api-key --name N --role platform|flagger}, each with
 * {@code [--data DIR | --db URL]}. Secrets go to stdout once; the audit log names the actor
 * {@code OPERATOR cli}.
 */
final class AdminCommand implements Command {

    private static final Actor OPERATOR = new Actor.Operator("cli");
    private static final ArgumentRules CREATE_USER = ArgumentRules.none()
            .valued("--username", "--role", "--data", "--db")
            .switches("--api-key");
    private static final ArgumentRules CREATE_API_KEY =
            ArgumentRules.none().valued("--name", "--role", "--data", "--db");

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public String summary() {
        return "accounts and keys: admin create-user --username U --role ROLE [--api-key] | "
                + "admin create-api-key --name N --role platform|flagger  [--data DIR | --db URL]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("expected create-user or create-api-key");
        }
        return switch (args.get(0)) {
            case "create-user" -> createUser(CREATE_USER.parse(args.subList(1, args.size())), out, err);
            case "create-api-key" -> createApiKey(CREATE_API_KEY.parse(args.subList(1, args.size())), out, err);
            default -> throw new UsageException("unknown admin command '" + args.get(0) + "'");
        };
    }

    private int createUser(Arguments flags, PrintStream out, PrintStream err) throws UsageException {
        Username username = parse(() -> Username.of(flags.required("--username")));
        Role role = parse(() -> Role.parse(flags.required("--role")));
        if (!role.staff()) {
            throw new UsageException(
                    "a staff account needs one of " + Role.staffRoles() + "; machine keys come from create-api-key");
        }
        try (var context = CommandContext.open(flags)) {
            var account = context.identity().createUser(OPERATOR, username, role, flags.has("--api-key"));
            out.println("username: " + account.user().username());
            out.println("role: " + account.user().role());
            out.println("one-time password: " + account.oneTimePassword());
            account.apiKey().ifPresent(key -> out.println("api-key: " + key.secret()));
            return OK;
        } catch (DomainException e) {
            err.println("redress admin: " + e.publicDetail());
            return SOME_INPUT_BAD;
        }
    }

    private int createApiKey(Arguments flags, PrintStream out, PrintStream err) throws UsageException {
        String name = flags.required("--name");
        Role role = parse(() -> Role.parse(flags.required("--role")));
        if (role.staff()) {
            throw new UsageException("--role must be platform or flagger; staff keys come from create-user --api-key");
        }
        if (name.strip().length() > 100) {
            throw new UsageException("--name must have at most 100 characters");
        }
        try (var context = CommandContext.open(flags)) {
            var issued = context.identity().issueApiKey(OPERATOR, name, role);
            out.println("id: " + issued.key().id());
            out.println("role: " + issued.key().role());
            out.println("api-key: " + issued.secret());
            return OK;
        } catch (DomainException e) {
            err.println("redress admin: " + e.publicDetail());
            return SOME_INPUT_BAD;
        }
    }

    private interface Parse<T> {
        T get() throws UsageException;
    }

    private static <T> T parse(Parse<T> parse) throws UsageException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }
}
