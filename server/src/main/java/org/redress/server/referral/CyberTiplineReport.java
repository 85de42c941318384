package org.redress.server.referral;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A CyberTipline report as the Reporting API's {@code /submit} takes it: the XML element
 * {@code report}, written with the JDK's StAX writer so that every value is escaped. Only what the
 * case holds goes in; the uploader is named by the platform's own id for them, which NCMEC asks
 * for as the {@code espIdentifier}.
 *
 * @param incidentAt when the content was first reported or matched
 * @param urls the content's addresses, where the platform gave them as URLs
 * @param reporterFirstName the reporting person NCMEC may contact
 * @param reporterLastName their last name
 * @param reporterEmail their address
 * @param uploaderId the platform's id of the user who uploaded the content, when known
 * @param additionalInfo what else the case says: its reference, content ids, how it was found
 */
record CyberTiplineReport(
        Instant incidentAt,
        List<String> urls,
        String reporterFirstName,
        String reporterLastName,
        String reporterEmail,
        Optional<String> uploaderId,
        String additionalInfo) {

    /** The one incident type that fits content a moderator referred as child sexual abuse material. */
    static final String INCIDENT_TYPE = "Child Pornography (possession, manufacture, and distribution)";

    private static final DateTimeFormatter XSD_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    CyberTiplineReport {
        Objects.requireNonNull(incidentAt, "incidentAt");
        urls = List.copyOf(urls);
        Objects.requireNonNull(uploaderId, "uploaderId");
    }

    /** The report as XML. */
    String xml() {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("report");
            xml.writeStartElement("incidentSummary");
            element(xml, "incidentType", INCIDENT_TYPE);
            element(xml, "incidentDateTime", XSD_DATE_TIME.format(incidentAt.atOffset(ZoneOffset.UTC)));
            xml.writeEndElement();
            if (!urls.isEmpty()) {
                xml.writeStartElement("internetDetails");
                xml.writeStartElement("webPageIncident");
                for (String url : urls) {
                    element(xml, "url", url);
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeStartElement("reporter");
            xml.writeStartElement("reportingPerson");
            element(xml, "firstName", reporterFirstName);
            element(xml, "lastName", reporterLastName);
            element(xml, "email", reporterEmail);
            xml.writeEndElement();
            xml.writeEndElement();
            if (uploaderId.isPresent()) {
                xml.writeStartElement("personOrUserReported");
                element(xml, "espIdentifier", uploaderId.get());
                xml.writeEndElement();
            }
            element(xml, "additionalInfo", additionalInfo);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a CyberTipline report failed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
