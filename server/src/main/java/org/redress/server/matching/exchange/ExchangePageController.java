package org.redress.server.matching.exchange;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.web.Display;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The StopNCII exchange's status page: whether it is configured, where its checkpoint stands, the
 * last fetch and its error, what it brought and withdrew, and the feedback still owed. The same
 * figures as {@code GET /api/v1/exchanges/stopncii}, for the people who watch it.
 */
@Controller
class ExchangePageController {

    private final ExchangeStates states;
    private final ExchangeFeedback feedback;
    private final StopNciiSettings settings;

    ExchangePageController(ExchangeStates states, ExchangeFeedback feedback, StopNciiSettings settings) {
        this.states = states;
        this.feedback = feedback;
        this.settings = settings;
    }

    /** The page's entry on the staff start page. */
    @Bean
    static StaffLink exchangePageLink() {
        return new StaffLink(
                "exchange-link",
                "/exchanges/stopncii",
                "StopNCII exchange",
                "administrators and compliance",
                Set.of(Role.ADMIN.name(), Role.COMPLIANCE.name()),
                40);
    }

    @GetMapping("/exchanges/stopncii")
    @Allow({Role.ADMIN, Role.COMPLIANCE})
    String stopNcii(Model model) {
        var state = states.find(StopNciiExchange.NAME);
        model.addAttribute("configured", settings.endpoint().isPresent());
        model.addAttribute(
                "checkpoint", state.map(s -> checkpoint(s.checkpoint())).orElse("none yet"));
        model.addAttribute("lastFetch", when(state.flatMap(ExchangeStates.State::lastFetchAt)));
        model.addAttribute("lastSuccess", when(state.flatMap(ExchangeStates.State::lastSuccessAt)));
        model.addAttribute(
                "lastError", state.flatMap(ExchangeStates.State::lastError).orElse("none"));
        model.addAttribute(
                "records", state.map(ExchangeStates.State::recordsFetched).orElse(0L));
        model.addAttribute(
                "added", state.map(ExchangeStates.State::entriesAdded).orElse(0L));
        model.addAttribute(
                "withdrawn", state.map(ExchangeStates.State::entriesWithdrawn).orElse(0L));
        model.addAttribute("feedbackOwed", feedback.owedCount());
        model.addAttribute("feedbackSent", feedback.sentCount());
        return "matching/exchange";
    }

    /** StopNCII's checkpoint is a Unix time in seconds. */
    private static String checkpoint(long seconds) {
        return seconds == 0 ? "none yet" : Display.WHEN.format(Instant.ofEpochSecond(seconds));
    }

    private static String when(Optional<Instant> at) {
        return at.map(Display.WHEN::format).orElse("never");
    }
}
