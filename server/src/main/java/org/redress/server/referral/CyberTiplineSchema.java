package org.redress.server.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The CyberTipline report schema in {@code referral/cybertipline-report.xsd}, checked with the
 * JDK's {@code javax.xml.validation}. A report that fails it is never stored or sent: NCMEC would
 * refuse it, and a refusal found at sending time could only be retried in vain.
 */
final class CyberTiplineSchema {

    static final String RESOURCE = "/referral/cybertipline-report.xsd";

    private static final Schema SCHEMA = load();

    private CyberTiplineSchema() {}

    /**
     * @throws InvalidCyberTiplineReportException naming the schema's complaint, when the XML is not a
     *     valid report (or answer)
     */
    static void check(String xml) {
        Validator validator = SCHEMA.newValidator();
        try {
            // No external entities, no external schemas: the XML is checked against ours only.
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new InvalidCyberTiplineReportException(Objects.requireNonNullElse(e.getMessage(), "invalid"), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a report from memory failed", e);
        }
    }

    private static Schema load() {
        URL resource = Objects.requireNonNull(
                CyberTiplineSchema.class.getResource(RESOURCE), "the CyberTipline schema is on the class path");
        try (InputStream in = resource.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, resource.toString()));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("the CyberTipline schema does not load", e);
        }
    }

    /** A report the schema refuses. */
    static final class InvalidCyberTiplineReportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCyberTiplineReportException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
