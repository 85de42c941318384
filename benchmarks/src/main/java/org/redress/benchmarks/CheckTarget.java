package org.redress.benchmarks;

import java.net.URI;
import org.redress.commandline.UsageException;

/** Where the checks go, and what makes this run's content ids unique. */
record CheckTarget(URI url, String key, String runId) {

    String host() {
        return url.getHost();
    }

    int port() {
        return url.getPort() < 0 ? 80 : url.getPort();
    }

    String path() {
        String base = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        return base + "/api/v1/checks";
    }

    String batchPath() {
        return path() + "/batch";
    }

    /** An {@code http://} address with a host, or a usage error naming {@code --url}. */
    static URI parseUrl(String value) throws UsageException {
        try {
            URI uri = URI.create(value);
            if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("--url must be an http:// address, not '" + value + "'");
    }
}
