package org.redress.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that leave the application before a controller could answer them (a request the security
 * firewall refused, a failure in a filter) reach {@code /error}. Every client gets a problem
 * document, never Spring's default JSON; a page request gets a page with the same sentence and,
 * for a visitor who came for help, the public pages to go to.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final List<PublicLink> publicLinks;

    ProblemErrorController(ObjectProvider<PublicLink> publicPages) {
        this.publicLinks = publicPages.stream().sorted(PublicLink.IN_ORDER).toList();
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("title", ProblemPages.title(status.value()));
        page.addObject("detail", ProblemTypes.detailFor(status));
        page.addObject("links", publicLinks);
        return page;
    }

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
