package org.redress.commandline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the commands' worker tasks, which never fail by design: a failure is a bug. */
public final class Futures {

    private Futures() {}

    /**
     * Returns the task's result.
     *
     * @param <T> the task's result type
     * @param future the task
     * @return what the task returned
     * @throws IllegalStateException carrying the task's own failure, or when interrupted (the
     *     interrupt flag is restored)
     */
    public static <T> T await(Future<T> future) {
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
