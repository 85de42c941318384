package org.redress.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that leave the application before a controller could answer them (a request the security
 * firewall refused, a failure in a filter) reach {@code /error}. Every client gets a problem
 * document, never Spring's default JSON; a page request gets it as a page.
 */
@Controller
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        var problem = ProblemDetail.forStatusAndDetail(status, ProblemTypes.detailFor(status));
        problem.setType(ProblemTypes.forStatus(status));
        // No content type set here: a page request gets the problem as a page (ProblemPageConverter).
        return ResponseEntity.status(status).body(problem);
    }

    private static HttpStatusCode statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value < 600) {
            return HttpStatusCode.valueOf(value);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
