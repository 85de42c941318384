package org.redress.server.referral;

import java.io.StringWriter;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The details of one uploaded file as the Reporting API's {@code /fileinfo} takes them: the XML
 * element {@code fileDetails}, naming the report and the file NCMEC's {@code /upload} answered, the
 * file's name, where it was found (when the platform's id for it is a URL), and the hashes of the
 * original as Redress received it. Nothing is said that the case does not hold: whether staff
 * viewed the file, or whether it was public, is left out rather than guessed.
 *
 * @param reportId the report the file belongs to
 * @param fileId the id {@code /upload} gave the file
 * @param fileName the name it was uploaded under
 * @param location the content's address, when it is a URL
 * @param md5 the MD5 of the original, hex
 * @param sha256 its SHA-256, hex
 * @param additionalInfo the content id and when Redress received the file
 */
record CyberTiplineFileDetails(
        String reportId,
        String fileId,
        String fileName,
        Optional<String> location,
        String md5,
        String sha256,
        String additionalInfo) {

    CyberTiplineFileDetails {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(location, "location");
    }

    /** The details as XML. */
    String xml() {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("fileDetails");
            element(xml, "reportId", reportId);
            element(xml, "fileId", fileId);
            element(xml, "originalFileName", fileName);
            if (location.isPresent()) {
                element(xml, "locationOfFile", location.get());
            }
            hash(xml, "MD5", md5);
            hash(xml, "SHA256", sha256);
            element(xml, "additionalInfo", additionalInfo);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing CyberTipline file details failed", e);
        }
        return out.toString();
    }

    private static void hash(XMLStreamWriter xml, String type, String value) throws XMLStreamException {
        xml.writeStartElement("originalFileHash");
        xml.writeAttribute("hashType", type);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
