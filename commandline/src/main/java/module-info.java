/**
 * What the Redress command lines share: {@link org.redress.commandline.ArgumentRules} parses
 * every command's arguments by the same rules, {@link org.redress.commandline.Commands} picks the
 * subcommand and turns a {@link org.redress.commandline.UsageException} into exit status 2.
 */
module org.redress.commandline {
    exports org.redress.commandline;
}
