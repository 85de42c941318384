package org.redress.server.matching.web;

import static org.redress.server.matching.web.PageInput.parseAction;
import static org.redress.server.matching.web.PageInput.parseFormat;
import static org.redress.server.matching.web.PageInput.parseHash;
import static org.redress.server.matching.web.PageInput.parseName;
import static org.redress.server.matching.web.PageInput.parseNumber;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.HashListFormat;
import org.redress.server.matching.ImportResult;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.web.PageInput.PageInputException;
import org.redress.server.shared.DomainException;
import org.redress.server.web.Display;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The bank administration pages: the list of banks with a form to create one, and a bank's page
 * with its settings, its newest entries, a form to add one hash and a hash-list import. Every
 * action answers with the page itself, carrying what happened or the refusal in plain words; the
 * form's input is kept on a refusal so nothing typed is lost. Deleting an entry asks first, on a
 * page of its own, so it works without JavaScript.
 */
@Controller
class BankPageController {

    /** How many entries a bank's page lists: the newest, since a bank may hold millions. */
    static final int ENTRIES_SHOWN = 100;

    private static final String NO_SUCH_BANK = "There is no bank with this name.";

    /** An entry as the page shows it. */
    record EntryRow(
            long id, List<String> hashes, String source, String ref, String note, boolean enabled, String createdAt) {
        static EntryRow of(BankEntry entry) {
            List<String> hashes = new java.util.ArrayList<>(3);
            entry.hashes().pdq().ifPresent(h -> hashes.add("pdq " + h.toHex()));
            entry.hashes().md5().ifPresent(h -> hashes.add("md5 " + h));
            entry.hashes().sha256().ifPresent(h -> hashes.add("sha256 " + h));
            return new EntryRow(
                    entry.id(),
                    hashes,
                    entry.provenance().source().name(),
                    entry.provenance().ref(),
                    entry.note().orElse(""),
                    entry.enabled(),
                    Display.WHEN.format(entry.createdAt()));
        }
    }

    /** A bank as the list shows it. */
    record BankRow(
            String name,
            BankAction action,
            int maxDistance,
            int qualityFloor,
            boolean enabled,
            long entries,
            String createdAt) {}

    private final Matching matching;

    /** The servlet container's limit on one uploaded file: the page's limit on an import. */
    private final DataSize uploadLimit;

    BankPageController(Matching matching, @Value("${spring.servlet.multipart.max-file-size}") DataSize uploadLimit) {
        this.matching = matching;
        this.uploadLimit = uploadLimit;
    }

    @GetMapping("/banks")
    @Allow(Role.ADMIN)
    String banks(Model model) {
        return renderList(model);
    }

    @PostMapping("/banks")
    @Allow(Role.ADMIN)
    String createBank(
            Authentication caller,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String maxDistance,
            @RequestParam(defaultValue = "") String qualityFloor,
            Model model) {
        try {
            var bankName = parseName(name);
            var parsedAction = parseAction(action);
            int distance = parseNumber(
                    maxDistance,
                    Bank.DEFAULT_MAX_DISTANCE,
                    Bank.MAX_ALLOWED_DISTANCE,
                    "The maximum distance is a whole number from 0 to " + Bank.MAX_ALLOWED_DISTANCE + ".");
            int floor = parseNumber(
                    qualityFloor,
                    Bank.DEFAULT_QUALITY_FLOOR,
                    100,
                    "The quality floor is a whole number from 0 to 100.");
            var bank = matching.createBank(Callers.actorOf(caller), bankName, parsedAction, distance, floor);
            model.addAttribute("message", "The bank " + bank.name().value() + " was created.");
        } catch (DomainException e) {
            keepCreateForm(model, name, action, maxDistance, qualityFloor);
            model.addAttribute("error", e.publicDetail());
        } catch (PageInputException e) {
            keepCreateForm(model, name, action, maxDistance, qualityFloor);
            model.addAttribute("error", e.getMessage());
        }
        return renderList(model);
    }

    @GetMapping("/banks/{name}")
    @Allow(Role.ADMIN)
    String bank(@PathVariable String name, Model model, HttpServletResponse response) {
        return renderBank(name, model, response);
    }

    @PostMapping("/banks/{name}/settings")
    @Allow(Role.ADMIN)
    String updateBank(
            Authentication caller,
            @PathVariable String name,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String maxDistance,
            @RequestParam(defaultValue = "") String qualityFloor,
            @RequestParam(defaultValue = "false") boolean enabled,
            Model model,
            HttpServletResponse response) {
        try {
            var bankName = parseName(name);
            var parsedAction = parseAction(action);
            int distance = parseNumber(
                    maxDistance,
                    -1,
                    Bank.MAX_ALLOWED_DISTANCE,
                    "The maximum distance is a whole number from 0 to " + Bank.MAX_ALLOWED_DISTANCE + ".");
            int floor = parseNumber(qualityFloor, -1, 100, "The quality floor is a whole number from 0 to 100.");
            matching.updateBank(Callers.actorOf(caller), bankName, parsedAction, distance, floor, enabled);
            model.addAttribute("message", "The settings were saved.");
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (PageInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return renderBank(name, model, response);
    }

    @PostMapping("/banks/{name}/hashes")
    @Allow(Role.ADMIN)
    String addHash(
            Authentication caller,
            @PathVariable String name,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String hash,
            @RequestParam(defaultValue = "") String note,
            Model model,
            HttpServletResponse response) {
        try {
            var bankName = parseName(name);
            EntryHashes hashes = parseHash(kind, hash);
            if (note.length() > 500) {
                throw new PageInputException("A note is at most 500 characters.");
            }
            var actor = Callers.actorOf(caller);
            var entry = matching.addEntry(
                    actor,
                    bankName,
                    hashes,
                    Optional.empty(),
                    note.isBlank() ? Optional.empty() : Optional.of(note.strip()),
                    new Provenance(Provenance.Source.MANUAL, actor.kind() + ":" + actor.id()));
            model.addAttribute("message", "The hash was added as entry " + entry.id() + ".");
        } catch (DomainException e) {
            keepHashForm(model, kind, hash, note);
            model.addAttribute("error", e.publicDetail());
        } catch (PageInputException e) {
            keepHashForm(model, kind, hash, note);
            model.addAttribute("error", e.getMessage());
        }
        return renderBank(name, model, response);
    }

    @PostMapping("/banks/{name}/import")
    @Allow(Role.ADMIN)
    String importHashes(
            Authentication caller,
            @PathVariable String name,
            @RequestParam(defaultValue = "") String format,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            var bankName = parseName(name);
            var parsedFormat = parseFormat(format);
            if (file == null || file.isEmpty()) {
                throw new PageInputException("Choose a file with one hash per line to import.");
            }
            ImportResult result;
            try (var lines = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                result = matching.importEntries(Callers.actorOf(caller), bankName, parsedFormat, lines.lines());
            }
            model.addAttribute("imported", result);
            model.addAttribute(
                    "rejectedLineList",
                    result.rejectedLines().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (PageInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return renderBank(name, model, response);
    }

    /**
     * Downloads the bank's enabled entries in the format (the API's export, for a signed-in
     * administrator); an unknown bank or format answers with the list page and the reason.
     */
    @GetMapping("/banks/{name}/export")
    @Allow(Role.ADMIN)
    @Nullable
    String exportHashes(
            @PathVariable String name,
            @RequestParam(defaultValue = "text") String format,
            Model model,
            HttpServletResponse response)
            throws IOException {
        HashListFormat parsedFormat;
        Bank bank;
        try {
            parsedFormat = parseFormat(format);
            bank = matching.bank(parseName(name));
        } catch (DomainException | PageInputException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", e instanceof DomainException domain ? domain.publicDetail() : e.getMessage());
            return renderList(model);
        }
        String extension = switch (parsedFormat) {
            case TEXT -> "txt";
            case CSV -> "csv";
            case JSONL -> "jsonl";
            case HMA -> "hma.txt";
        };
        response.setContentType(parsedFormat.mediaType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The bank name's shape (lower-case letters, digits, '.', '-', '_') is safe in the header as it is.
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + bank.name().value() + "." + extension + "\"");
        var out = response.getWriter();
        matching.exportEntries(bank.name(), parsedFormat, out::write);
        out.flush();
        return null;
    }

    @PostMapping("/banks/{name}/entries/{entryId}/disable")
    @Allow(Role.ADMIN)
    String disable(
            Authentication caller,
            @PathVariable String name,
            @PathVariable long entryId,
            Model model,
            HttpServletResponse response) {
        return changeEntry(caller, name, entryId, "disable", model, response);
    }

    @PostMapping("/banks/{name}/entries/{entryId}/enable")
    @Allow(Role.ADMIN)
    String enable(
            Authentication caller,
            @PathVariable String name,
            @PathVariable long entryId,
            Model model,
            HttpServletResponse response) {
        return changeEntry(caller, name, entryId, "enable", model, response);
    }

    /** What a deletion would remove, with the buttons that delete it or go back. */
    @GetMapping("/banks/{name}/entries/{entryId}/delete")
    @Allow(Role.ADMIN)
    String confirmDelete(
            @PathVariable String name, @PathVariable long entryId, Model model, HttpServletResponse response) {
        BankName bankName;
        BankEntry entry;
        try {
            bankName = parseName(name);
            entry = matching.entry(bankName, entryId);
        } catch (DomainException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", e.publicDetail());
            return renderBank(name, model, response);
        } catch (PageInputException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", NO_SUCH_BANK);
            return renderList(model);
        }
        model.addAttribute("bankName", bankName.value());
        model.addAttribute("entry", EntryRow.of(entry));
        return "matching/delete-entry";
    }

    @PostMapping("/banks/{name}/entries/{entryId}/delete")
    @Allow(Role.ADMIN)
    String delete(
            Authentication caller,
            @PathVariable String name,
            @PathVariable long entryId,
            Model model,
            HttpServletResponse response) {
        return changeEntry(caller, name, entryId, "delete", model, response);
    }

    /**
     * The container refuses a file over its multipart limit before the import sees a line; the
     * bank's page says so, names the API's streaming import for larger lists, and answers 413.
     * Exception handlers get no model attributes from advice, so the header's name is set here.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView importTooLarge(
            HttpServletRequest request, HttpServletResponse response, @Nullable Principal principal) {
        var model = new ExtendedModelMap();
        model.addAttribute("signedInAs", principal == null ? null : principal.getName());
        String name = bankNameIn(request);
        model.addAttribute(
                "error",
                "The file is larger than this page's upload limit of "
                        + uploadLimit.toMegabytes() + " MB, so nothing was imported. The API's streaming import, "
                        + "POST /api/v1/banks/" + name + "/import, takes hash lists of any size.");
        String view = renderBank(name, model, response);
        var status = response.getStatus() == HttpServletResponse.SC_NOT_FOUND
                ? HttpStatus.NOT_FOUND
                : HttpStatus.CONTENT_TOO_LARGE;
        return new ModelAndView(view, model.asMap(), status);
    }

    /** The bank's name from the import's path, which an exception handler gets no argument for. */
    private static String bankNameIn(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                        && variables.get("name") instanceof String name
                ? name
                : "";
    }

    private String changeEntry(
            Authentication caller,
            String name,
            long entryId,
            String change,
            Model model,
            HttpServletResponse response) {
        try {
            var bankName = parseName(name);
            var actor = Callers.actorOf(caller);
            switch (change) {
                case "disable" -> matching.setEntryEnabled(actor, bankName, entryId, false);
                case "enable" -> matching.setEntryEnabled(actor, bankName, entryId, true);
                default -> matching.deleteEntry(actor, bankName, entryId);
            }
            model.addAttribute("message", "Entry " + entryId + " was " + change + "d.");
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (PageInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return renderBank(name, model, response);
    }

    private String renderList(Model model) {
        var counts = matching.entryCounts();
        model.addAttribute(
                "banks",
                matching.banks().stream()
                        .map(bank -> new BankRow(
                                bank.name().value(),
                                bank.action(),
                                bank.maxDistance(),
                                bank.qualityFloor(),
                                bank.enabled(),
                                counts.getOrDefault(bank.name(), 0L),
                                Display.WHEN.format(bank.createdAt())))
                        .toList());
        model.addAttribute("actions", BankAction.values());
        model.addAttribute("defaultMaxDistance", Bank.DEFAULT_MAX_DISTANCE);
        model.addAttribute("defaultQualityFloor", Bank.DEFAULT_QUALITY_FLOOR);
        return "matching/banks";
    }

    private String renderBank(String name, Model model, HttpServletResponse response) {
        Bank bank;
        try {
            bank = matching.bank(parseName(name));
        } catch (DomainException | PageInputException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", NO_SUCH_BANK);
            return renderList(model);
        }
        model.addAttribute("bank", bank);
        model.addAttribute("entryCount", matching.entryCounts().getOrDefault(bank.name(), 0L));
        model.addAttribute(
                "entries",
                matching.newestEntries(bank.name(), ENTRIES_SHOWN).stream()
                        .map(EntryRow::of)
                        .toList());
        model.addAttribute("entriesShown", ENTRIES_SHOWN);
        model.addAttribute("actions", BankAction.values());
        model.addAttribute(
                "formats",
                Arrays.stream(HashListFormat.values())
                        .map(f -> f.name().toLowerCase(Locale.ROOT))
                        .toList());
        return "matching/bank";
    }

    private static void keepCreateForm(
            Model model, String name, String action, String maxDistance, String qualityFloor) {
        model.addAttribute("formName", name);
        model.addAttribute("formAction", action);
        model.addAttribute("formMaxDistance", maxDistance);
        model.addAttribute("formQualityFloor", qualityFloor);
    }

    private static void keepHashForm(Model model, String kind, String hash, String note) {
        model.addAttribute("formKind", kind);
        model.addAttribute("formHash", hash);
        model.addAttribute("formNote", note);
    }
}
