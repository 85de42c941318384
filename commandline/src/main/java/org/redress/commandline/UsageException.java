package org.redress.commandline;

/**
 * The command line was malformed; the message says how, in words fit for the person who typed
 * it, and the process exits with {@link Command#USAGE}.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the option or argument at fault
     */
    public UsageException(String message) {
        super(message);
    }
}
