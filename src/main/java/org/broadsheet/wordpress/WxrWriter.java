package org.broadsheet.wordpress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a WXR document as it goes (StAX), element by element: nothing is held but the
 * buffer. Text that XML 1.0 cannot carry (control characters other than tab, line feed and
 * carriage return, lone surrogates) is left out; CDATA sections holding {@code ]]>} are split
 * the way WordPress splits them.
 */
final class WxrWriter implements AutoCloseable {

    static final String WP = "http://wordpress.org/export/1.2/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String WFW = "http://wellformedweb.org/CommentAPI/";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter WP_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Writer out;
    private final XMLStreamWriter xml;

    WxrWriter(OutputStream stream) throws XMLStreamException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.xml = FACTORY.createXMLStreamWriter(out);
    }

    /** The XML declaration and {@code <rss><channel>} with WordPress's namespaces. */
    void startDocument() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("excerpt", EXCERPT);
        xml.writeNamespace("content", CONTENT);
        xml.writeNamespace("wfw", WFW);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("wp", WP);
        xml.writeCharacters("\n");
        xml.writeStartElement("channel");
        xml.writeCharacters("\n");
    }

    void endDocument() throws XMLStreamException {
        xml.writeEndElement(); // channel
        xml.writeCharacters("\n");
        xml.writeEndElement(); // rss
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    void start(String name) throws XMLStreamException {
        startIn(null, name);
    }

    void startWp(String name) throws XMLStreamException {
        startIn(WP, name);
    }

    private void startIn(@Nullable String namespace, String name) throws XMLStreamException {
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(prefix(namespace), name, namespace);
        }
    }

    private static String prefix(String namespace) {
        return switch (namespace) {
            case WP -> "wp";
            case CONTENT -> "content";
            case EXCERPT -> "excerpt";
            case DC -> "dc";
            default -> "wfw";
        };
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, clean(value));
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** {@code <name>text</name>}, escaped. */
    void text(String name, @Nullable String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(value));
        end();
    }

    /** {@code <wp:name>text</wp:name>}, escaped. */
    void wp(String name, @Nullable Object value) throws XMLStreamException {
        xml.writeStartElement("wp", name, WP);
        xml.writeCharacters(clean(value == null ? "" : value.toString()));
        end();
    }

    /** {@code <wp:name><![CDATA[text]]></wp:name>}, as WordPress writes its text fields. */
    void wpCdata(String name, @Nullable String value) throws XMLStreamException {
        cdataIn(WP, name, value);
    }

    /** An element in {@code namespace} holding {@code value} as CDATA. */
    void cdataIn(@Nullable String namespace, String name, @Nullable String value) throws XMLStreamException {
        startIn(namespace, name);
        cdata(value);
        end();
    }

    /** {@code value} as CDATA in the element started last. */
    void cdata(@Nullable String value) throws XMLStreamException {
        String text = clean(value);
        int from = 0;
        for (int at = text.indexOf("]]>"); at >= 0; at = text.indexOf("]]>", from)) {
            xml.writeCData(text.substring(from, at + 2));
            from = at + 2;
        }
        xml.writeCData(text.substring(from));
    }

    /** {@code value}, escaped, in the element started last. */
    void characters(@Nullable String value) throws XMLStreamException {
        xml.writeCharacters(clean(value));
    }

    /** A {@code <wp:postmeta>}, {@code <wp:termmeta>} or {@code <wp:commentmeta>} entry. */
    void meta(String element, String key, String value) throws XMLStreamException {
        startWp(element);
        wpCdata("meta_key", key);
        wpCdata("meta_value", value);
        end();
    }

    static String wpDate(@Nullable Instant at) {
        return at == null ? "0000-00-00 00:00:00" : WP_DATE.format(at);
    }

    static String rfc822(Instant at) {
        return RFC_822.format(at);
    }

    /** {@code value} without what XML 1.0 cannot hold. */
    static String clean(@Nullable String value) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 0x20 && c < 0xD800
                    || c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (!ok && kept == null) {
                kept = new StringBuilder(value.length()).append(value, 0, i);
            } else if (ok && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? value : kept.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.flush();
    }
}
