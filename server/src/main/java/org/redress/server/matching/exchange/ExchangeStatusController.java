package org.redress.server.matching.exchange;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the StopNCII exchange stands, for administrators and compliance. */
@RestController
class ExchangeStatusController {

    record StatusView(
            boolean configured,
            long checkpoint,
            @Nullable Instant lastFetchAt,
            @Nullable Instant lastSuccessAt,
            @Nullable String lastError,
            long recordsFetched,
            long entriesAdded,
            long entriesWithdrawn) {}

    private final ExchangeStates states;
    private final StopNciiSettings settings;

    ExchangeStatusController(ExchangeStates states, StopNciiSettings settings) {
        this.states = states;
        this.settings = settings;
    }

    @GetMapping("/api/v1/exchanges/stopncii")
    @Allow({Role.ADMIN, Role.COMPLIANCE})
    StatusView stopNcii() {
        boolean configured = settings.endpoint().isPresent();
        return states.find(StopNciiExchange.NAME)
                .map(state -> new StatusView(
                        configured,
                        state.checkpoint(),
                        state.lastFetchAt().orElse(null),
                        state.lastSuccessAt().orElse(null),
                        state.lastError().orElse(null),
                        state.recordsFetched(),
                        state.entriesAdded(),
                        state.entriesWithdrawn()))
                .orElseGet(() -> new StatusView(configured, 0, null, null, null, 0, 0, 0));
    }
}
