package org.redress.server.transparency.registers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One recorded version of a register.
 *
 * @param register the register's name ({@code risk-assessment}, {@code measures}, {@code accountable-individual})
 * @param version 1 for the first, one more for each after
 * @param recordedBy who recorded it (the audit log's actor id)
 * @param recordedAt when
 * @param content what it holds
 * @param figures for a risk assessment, the transparency figures of its evidence period as they
 *     stood when it was recorded (the JSON of {@code GET /api/v1/transparency}); null otherwise
 */
public record RegisterVersion(
        String register,
        int version,
        String recordedBy,
        Instant recordedAt,
        RegisterContent content,
        @Nullable JsonNode figures) {}
