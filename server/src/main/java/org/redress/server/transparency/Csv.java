package org.redress.server.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes RFC 4180 CSV lines: a field with a comma, a quote or a line break is quoted. */
public final class Csv {

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    /** One line of fields; an {@link IOException} comes out unchecked, as callbacks need. */
    public void line(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(String.valueOf(fields[i])));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
