package org.redress.server.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * The container's own error report (a request Tomcat refuses before any application code runs: a
 * malformed request line, an oversized header, a character not allowed in a path) as a problem
 * document instead of Tomcat's HTML page, which also named the server; a page request gets our own
 * page ({@link ProblemPages}).
 */
public final class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            boolean page = ProblemPages.wantsPage(request);
            response.setContentType(page ? "text/html" : "application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                var code = HttpStatusCode.valueOf(status);
                String detail = ProblemTypes.detailFor(code);
                writer.write(
                        page
                                ? ProblemPages.html(status, detail, request.getContextPath())
                                : ProblemResponses.json(ProblemTypes.forStatus(code), status, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing more to send.
        }
    }
}
