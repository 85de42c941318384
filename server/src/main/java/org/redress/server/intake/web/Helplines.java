package org.redress.server.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The helplines the public pages list, per country with numbers and hours, read once from the one
 * data file {@code intake/helplines.json}.
 */
@Component
@ControllerAdvice(assignableTypes = {ReportPageController.class, StatusPageController.class})
class Helplines {

    /** One helpline; {@code children} marks those for people under 18 or images taken then. */
    record Helpline(String country, String name, String phone, String hours, String url, boolean children) {

        /** The number as a {@code tel:} link: digits and a leading plus only. */
        public String telLink() {
            return "tel:" + phone.replaceAll("[^0-9+]", "");
        }
    }

    private record File(String comment, List<Helpline> helplines) {}

    private final List<Helpline> all;

    Helplines() {
        try (InputStream in = Objects.requireNonNull(
                Helplines.class.getResourceAsStream("/intake/helplines.json"), "intake/helplines.json")) {
            this.all = List.copyOf(
                    JsonMapper.builder().build().readValue(in, File.class).helplines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ModelAttribute("helplines")
    List<Helpline> all() {
        return all;
    }
}
