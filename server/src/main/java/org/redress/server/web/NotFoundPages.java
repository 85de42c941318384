package org.redress.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser that asks for an address nothing serves gets the not-found page, which leads to the
 * public pages ({@link PublicLink}); API clients still get a problem document from
 * {@link ProblemDetailsAdvice}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPages {

    private final List<PublicLink> publicLinks;

    NotFoundPages(ObjectProvider<PublicLink> publicPages) {
        this.publicLinks = publicPages.stream().sorted(PublicLink.IN_ORDER).toList();
    }

    /**
     * Only a request that names {@code text/html} gets the page (as everywhere, see
     * {@link ProblemPages#wantsPage}); any other client gets the problem document.
     */
    @ExceptionHandler(value = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ProblemPages.wantsPage(request)) {
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.NOT_FOUND,
                    ProblemTypes.NOT_FOUND,
                    ProblemTypes.detailFor(HttpStatus.NOT_FOUND));
            return new ModelAndView();
        }
        var page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        page.addObject("title", ProblemPages.title(HttpStatus.NOT_FOUND.value()));
        page.addObject("detail", ProblemTypes.detailFor(HttpStatus.NOT_FOUND));
        page.addObject("links", publicLinks);
        response.setHeader("Cache-Control", "no-store");
        return page;
    }
}
