package org.redress.server.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.intake.PoliceShareRequest;
import org.redress.server.intake.PoliceSharing;
import org.redress.server.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A reporter asks, with their status token, for their case to be shared with the police. */
@RestController
class PoliceShareApiController {

    record PoliceShareBody(
            @Nullable @Size(max = PoliceShareRequest.MAX_CRIME_REFERENCE)
            String crimeReference) {}

    private final PoliceSharing sharing;

    PoliceShareApiController(PoliceSharing sharing) {
        this.sharing = sharing;
    }

    @PostMapping("/api/v1/reports/{caseRef}/police-share")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowAnyone
    IntakeApiController.StatusView ask(
            @PathVariable String caseRef,
            @RequestHeader(name = IntakeApiController.TOKEN_HEADER, required = false) @Nullable String token,
            @Valid @RequestBody PoliceShareBody body) {
        return IntakeApiController.StatusView.of(sharing.ask(
                new Actor.Public(), caseRef, token == null ? "" : token, Optional.ofNullable(body.crimeReference())));
    }
}
