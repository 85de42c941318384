package org.redress.server.cli;

/** The command line was malformed; the message says how, and the process exits with status 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
