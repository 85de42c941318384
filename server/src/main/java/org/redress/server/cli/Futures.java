package org.redress.server.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the commands' worker tasks, which never fail by design: a failure is a bug. */
final class Futures {

    private Futures() {}

    /**
     * Returns the task's result.
     *
     * @throws IllegalStateException carrying the task's own failure, or when interrupted (the
     *     interrupt flag is restored)
     */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed unexpectedly", e.getCause());
        }
    }
}
