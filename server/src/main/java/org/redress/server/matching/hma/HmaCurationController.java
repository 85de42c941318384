package org.redress.server.matching.hma;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.EntryNotFoundException;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** HMA's curation routes ({@code /hma/c/...}): banks and their content, for administrators. */
@RestController
@RequestMapping("/hma/c")
@Allow(Role.ADMIN)
class HmaCurationController {

    /** HMA's magic values of {@code disable_until_ts}. */
    static final long ENABLED = 1;

    static final long DISABLED = 0;

    private static final int MAX_NOTE = 255;

    record CreateBank(
            @Nullable String name,
            @Nullable Double enabled_ratio,
            @Nullable Boolean enabled,
            @Nullable BankAction action) {}

    record UpdateBank(
            @Nullable String name,
            @Nullable Double enabled_ratio,
            @Nullable Boolean enabled) {}

    record UpdateContent(
            @Nullable Long disable_until_ts, @Nullable String note) {}

    record Added(long id, Map<String, String> signals) {}

    record ContentView(
            long id,
            long disable_until_ts,
            @Nullable String original_media_uri,
            HmaRequests.BankView bank,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Map<String, String> signals,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String note) {}

    private final Matching matching;

    HmaCurationController(Matching matching) {
        this.matching = matching;
    }

    @GetMapping("/banks")
    List<HmaRequests.BankView> banks() {
        return matching.banks().stream().map(HmaRequests.BankView::of).toList();
    }

    /**
     * Creates a bank. HMA's names are upper-case letters, digits and underscores, not starting with
     * a digit. HMA banks take no action of their own, so a bank created here answers {@code REVIEW}
     * (a person decides) unless the Redress member {@code action} says otherwise.
     */
    @PostMapping("/banks")
    @ResponseStatus(HttpStatus.CREATED)
    HmaRequests.BankView createBank(Authentication caller, @RequestBody CreateBank request) {
        String name = request.name();
        if (name == null || !name.matches("[A-Z_][A-Z0-9_]{0,63}")) {
            throw HmaRequests.badRequest("Bank names must be upper-case letters, digits and underscores"
                    + " (up to 64), and must not start with a digit");
        }
        boolean enabled = enabled(request.enabled_ratio(), request.enabled()).orElse(true);
        Actor actor = Callers.actorOf(caller);
        BankName bankName = HmaRequests.bankName(name);
        BankAction action = Optional.ofNullable(request.action()).orElse(BankAction.REVIEW);
        Bank bank = matching.createBank(actor, bankName, action, Bank.DEFAULT_MAX_DISTANCE, Bank.DEFAULT_QUALITY_FLOOR);
        if (!enabled) {
            bank = matching.updateBank(actor, bankName, bank.action(), bank.maxDistance(), bank.qualityFloor(), false);
        }
        return HmaRequests.BankView.of(bank);
    }

    @GetMapping("/bank/{name}")
    HmaRequests.BankView bank(@PathVariable String name) {
        return HmaRequests.BankView.of(matching.bank(HmaRequests.bankName(name)));
    }

    @PutMapping("/bank/{name}")
    HmaRequests.BankView updateBank(Authentication caller, @PathVariable String name, @RequestBody UpdateBank request) {
        Bank bank = matching.bank(HmaRequests.bankName(name));
        if (request.name() != null && !HmaRequests.bankName(request.name()).equals(bank.name())) {
            throw HmaRequests.badRequest("Redress does not rename banks: their names are in the audit log and in"
                    + " every match they made");
        }
        boolean enabled = enabled(request.enabled_ratio(), request.enabled()).orElse(bank.enabled());
        return HmaRequests.BankView.of(matching.updateBank(
                Callers.actorOf(caller), bank.name(), bank.action(), bank.maxDistance(), bank.qualityFloor(), enabled));
    }

    /**
     * HMA deletes a bank and its content. Redress keeps banks, because their entries are the
     * evidence of what was blocked and why: an unknown bank answers as HMA does, an existing one
     * is refused with the way to stop it matching.
     */
    @DeleteMapping("/bank/{name}")
    Map<String, String> deleteBank(@PathVariable String name) {
        BankName bankName = HmaRequests.bankName(name);
        if (matching.banks().stream().noneMatch(bank -> bank.name().equals(bankName))) {
            return Map.of("message", "Done");
        }
        throw HmaRequests.conflict("Redress keeps banks for their history; to stop this bank matching, send"
                + " PUT /hma/c/bank/" + name + " with {\"enabled\": false}");
    }

    @PostMapping("/bank/{name}/signal")
    Added addSignals(Authentication caller, @PathVariable String name, @RequestBody Map<String, Object> body) {
        Map<String, String> signals = new LinkedHashMap<>();
        String note = null;
        for (var member : body.entrySet()) {
            if (!(member.getValue() instanceof String value)) {
                throw HmaRequests.badRequest(member.getKey() + " should be a string");
            }
            if (member.getKey().equals("note")) {
                note = note(value);
            } else {
                signals.put(member.getKey(), value);
            }
        }
        EntryHashes hashes = HmaSignals.hashesOf(signals);
        BankEntry entry = add(caller, name, hashes, Optional.empty(), Optional.ofNullable(note));
        return new Added(entry.id(), HmaSignals.signalsOf(entry.hashes()));
    }

    /**
     * Banks an uploaded photo (form field {@code photo}). HMA can also fetch a {@code url}; Redress
     * never fetches content from addresses a caller gives it.
     */
    @PostMapping("/bank/{name}/content")
    Added addContent(
            Authentication caller,
            @PathVariable String name,
            @RequestParam(required = false) @Nullable String url,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            @RequestParam(required = false) @Nullable MultipartFile video,
            @RequestParam(required = false) @Nullable String note)
            throws IOException {
        matching.bank(HmaRequests.bankName(name));
        if (url != null) {
            throw HmaRequests.badRequest("Redress does not fetch content from URLs; upload the file as"
                    + " multipart/form-data in the field 'photo'");
        }
        if (video != null) {
            throw HmaRequests.badRequest("content_type video is not supported; upload photos in the field 'photo'");
        }
        if (photo == null) {
            throw HmaRequests.badRequest("Neither `url` nor multipart file upload was received");
        }
        // An image added as a photo keeps its rotations and framings, as the bank-images route's do.
        var hashed = UploadHashing.hashForEntry(photo.getBytes());
        Actor actor = Callers.actorOf(caller);
        BankEntry entry = matching.addImageEntry(
                actor,
                HmaRequests.bankName(name),
                hashed,
                Optional.ofNullable(note).map(HmaCurationController::note),
                new Provenance(Provenance.Source.MANUAL, actor.kind() + ":" + actor.id()));
        var pdq = entry.hashes().pdq().map(hash -> Map.of(HmaSignals.PDQ.wireName(), hash.toHex()));
        return new Added(entry.id(), pdq.orElseGet(Map::of));
    }

    @GetMapping("/bank/{name}/content/{id}")
    ContentView content(
            @PathVariable String name,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean include_signals) {
        BankName bankName = HmaRequests.bankName(name);
        return view(matching.bank(bankName), matching.entry(bankName, id), include_signals);
    }

    /** Enables ({@code disable_until_ts: 1}) or disables ({@code 0}) an entry; notes stay as written. */
    @PutMapping("/bank/{name}/content/{id}")
    ContentView updateContent(
            Authentication caller,
            @PathVariable String name,
            @PathVariable long id,
            @RequestBody UpdateContent request) {
        BankName bankName = HmaRequests.bankName(name);
        Bank bank = matching.bank(bankName);
        matching.entry(bankName, id);
        if (request.note() != null) {
            throw HmaRequests.badRequest("Redress keeps an entry's note as it was written");
        }
        Long until = request.disable_until_ts();
        if (until != null) {
            if (until != ENABLED && until != DISABLED) {
                throw HmaRequests.badRequest("Redress disables entries until they are enabled again: send"
                        + " disable_until_ts 0 to disable or 1 to enable");
            }
            matching.setEntryEnabled(Callers.actorOf(caller), bankName, id, until == ENABLED);
        }
        return view(bank, matching.entry(bankName, id), false);
    }

    @DeleteMapping("/bank/{name}/content/{id}")
    Map<String, Integer> deleteContent(Authentication caller, @PathVariable String name, @PathVariable long id) {
        BankName bankName = HmaRequests.bankName(name);
        matching.bank(bankName);
        try {
            matching.deleteEntry(Callers.actorOf(caller), bankName, id);
            return Map.of("deleted", 1);
        } catch (EntryNotFoundException e) {
            return Map.of("deleted", 0);
        }
    }

    private BankEntry add(
            Authentication caller,
            String name,
            EntryHashes hashes,
            Optional<org.redress.pdq.Quality> quality,
            Optional<String> note) {
        Actor actor = Callers.actorOf(caller);
        return matching.addEntry(
                actor,
                HmaRequests.bankName(name),
                hashes,
                quality,
                note,
                new Provenance(Provenance.Source.MANUAL, actor.kind() + ":" + actor.id()));
    }

    private static ContentView view(Bank bank, BankEntry entry, boolean withSignals) {
        return new ContentView(
                entry.id(),
                entry.enabled() ? ENABLED : DISABLED,
                null,
                HmaRequests.BankView.of(bank),
                withSignals ? HmaSignals.signalsOf(entry.hashes()) : null,
                entry.note().orElse(null));
    }

    /** HMA matches a share of lookups by ratio; Redress matches all or none, so only 0 and 1 mean something. */
    private static Optional<Boolean> enabled(@Nullable Double ratio, @Nullable Boolean enabled) {
        if (ratio != null) {
            if (ratio != 0.0 && ratio != 1.0) {
                throw HmaRequests.badRequest("Redress matches all lookups or none: enabled_ratio must be 0 or 1");
            }
            return Optional.of(ratio == 1.0);
        }
        return Optional.ofNullable(enabled);
    }

    private static String note(String note) {
        if (note.length() > MAX_NOTE) {
            throw HmaRequests.badRequest("note must be at most 255 characters");
        }
        return note;
    }
}
