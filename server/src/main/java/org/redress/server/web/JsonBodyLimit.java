package org.redress.server.web;

/**
 * A tighter cap on the JSON body of one path, declared as a bean by the module that serves the path
 * ({@link JsonBodyLimitFilter} applies it), so that the web module names no module's URL.
 *
 * @param path the path as routed, such as {@code /api/v1/checks}
 * @param maxBytes the largest JSON body accepted there
 */
public record JsonBodyLimit(String path, long maxBytes) {

    public JsonBodyLimit {
        if (!path.startsWith("/") || maxBytes < 1) {
            throw new IllegalArgumentException("a body limit needs an absolute path and a positive size");
        }
    }
}
