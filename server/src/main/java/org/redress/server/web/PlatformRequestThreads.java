package org.redress.server.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Serves requests on Tomcat's own pool of platform threads, while scheduled work and everything
 * else keeps the virtual threads that {@code spring.threads.virtual.enabled} gives it.
 *
 * <p>Why: a virtual thread is never preempted, so a request that computes (parsing a multipart
 * upload, decoding an image) keeps its carrier until it blocks. With one carrier per core, sixteen
 * image uploads in flight on two cores left the JSON checks' continuations waiting in the
 * scheduler's queue for more than ten seconds (a thread dump showed all sixteen runnable and
 * unmounted; docs/bench/run-decode-pressure.sh). The operating system time-slices platform
 * threads, so a JSON check waits a few milliseconds behind an upload, not for it to finish.
 * Ordered after Spring Boot's customiser, which installs the virtual-thread executor: clearing
 * the executor makes Tomcat create its internal pool ({@code server.tomcat.threads.*}) on start.
 */
@Component
class PlatformRequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(protocol -> protocol.setExecutor(null));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
