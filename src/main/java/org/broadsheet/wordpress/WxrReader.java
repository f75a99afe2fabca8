package org.broadsheet.wordpress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a WXR file as a stream: each author, category, tag, term and item below the channel is
 * handed over as a {@link WxrNode} as soon as it ends, so memory holds one item at a time.
 *
 * <p>Safety: the JDK's own StAX parser, with DTDs and external entities switched off and a DTD
 * refused outright where it appears, so no entity is ever declared, expanded or fetched (no
 * "billion laughs", no XXE). Gzip is recognised by its magic bytes. Anything wrong (malformed
 * or truncated XML, another root element, no WXR version) is a {@link WxrRefused} with the line
 * and column. Not thread-safe; one reader per file.
 */
final class WxrReader {

    static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final Set<String> UNITS =
            Set.of("wp:author", "wp:category", "wp:tag", "wp:term", "item", "wp:base_site_url", "wp:base_blog_url");
    private static final int MAX_DEPTH = 32;

    private WxrReader() {}

    /** A parser factory that reads no DTD and resolves no entity but the five of XML. */
    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty("jdk.xml.entityExpansionLimit", "64");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are not read");
        });
        return factory;
    }

    /** The stream's bytes, decompressed when they start with gzip's magic number. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b
                ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
                : in;
    }

    /** As {@link #read(InputStream, Set, Consumer)}, reading {@code file}. */
    static String read(java.nio.file.Path file, @Nullable Set<String> kept, Consumer<WxrNode> units)
            throws WxrRefused, IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, kept, units);
        }
    }

    /** Reads the whole file, handing each unit to {@code units}; returns the WXR version. */
    static String read(InputStream raw, Consumer<WxrNode> units) throws WxrRefused {
        return read(raw, null, units);
    }

    /**
     * As {@link #read(InputStream, Consumer)}, but each unit holds only its children named in
     * {@code kept} (null: all): the others are read and checked as thoroughly, and not kept. A
     * reading that needs a few fields of each item (the first) makes no strings of the bodies.
     */
    static String read(InputStream raw, @Nullable Set<String> kept, Consumer<WxrNode> units) throws WxrRefused {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(decompressed(raw));
            return readDocument(xml, kept, units);
        } catch (XMLStreamException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new WxrRefused("the file could not be read (" + e.getClass().getSimpleName() + ")", 0, 0);
        } finally {
            close(xml);
        }
    }

    private static String readDocument(XMLStreamReader xml, @Nullable Set<String> kept, Consumer<WxrNode> units)
            throws XMLStreamException, WxrRefused {
        nextElement(xml);
        if (!"rss".equals(xml.getLocalName())
                || xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty()) {
            throw refused(xml, "the root element is <" + xml.getLocalName() + ">, not the <rss> of a WXR export");
        }
        nextElement(xml);
        if (!"channel".equals(xml.getLocalName())) {
            throw refused(xml, "<rss> does not start with a <channel>");
        }
        String version = readChannel(xml, kept, units);
        while (xml.hasNext()) {
            xml.next(); // the end of the document: still checked for being well formed
        }
        return version;
    }

    private static String readChannel(XMLStreamReader xml, @Nullable Set<String> kept, Consumer<WxrNode> units)
            throws XMLStreamException, WxrRefused {
        String version = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = name(xml);
            if (name.equals("wp:wxr_version")) {
                version = xml.getElementText().strip();
                if (!VERSIONS.contains(version)) {
                    throw refused(xml, "WXR version " + version + " is not one this importer reads (1.0 to 1.2)");
                }
            } else if (UNITS.contains(name)) {
                if (version == null) {
                    throw refused(xml, "no <wp:wxr_version> before the first " + name + ": not a WordPress export");
                }
                units.accept(readNode(xml, 0, kept));
            } else {
                skip(xml, 0); // the channel's title, link, generator...: checked, not kept
            }
        }
        if (version == null) {
            throw refused(xml, "no <wp:wxr_version>: not a WordPress export");
        }
        return version;
    }

    /** Positioned on a start tag: reads the element to its end tag, keeping the children named in {@code kept} (null: all). */
    private static WxrNode readNode(XMLStreamReader xml, int depth, @Nullable Set<String> kept)
            throws XMLStreamException, WxrRefused {
        if (depth > MAX_DEPTH) {
            throw refused(xml, "elements nested more than " + MAX_DEPTH + " deep");
        }
        String name = name(xml);
        Map<String, String> attributes = attributes(xml);
        Text text = new Text();
        List<WxrNode> children = new ArrayList<>();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (kept == null || kept.contains(name(xml))) {
                        children.add(readNode(xml, depth + 1, null));
                    } else {
                        skip(xml, depth + 1);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.add(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new WxrNode(name, attributes, text.toString(), List.copyOf(children));
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                    throw refused(xml, "entities are not accepted");
                default -> {} // comments and processing instructions
            }
        }
    }

    /**
     * An element's text, from one or more pieces. Most elements have one (a body is one CDATA
     * section), which is kept as the string the parser made: no copy through a builder, and
     * no {@code append(char[], int, int)}, which Java 17 does a character at a time.
     */
    private static final class Text {

        private @Nullable String single;
        private @Nullable StringBuilder several;

        void add(String piece) {
            if (several != null) {
                several.append(piece);
            } else if (single == null) {
                single = piece;
            } else {
                several = new StringBuilder(single.length() + piece.length() + 64)
                        .append(single)
                        .append(piece);
                single = null;
            }
        }

        @Override
        public String toString() {
            return several != null ? several.toString() : single != null ? single : "";
        }
    }

    /** Positioned on a start tag: reads the element to its end tag with the checks of {@link #readNode}, keeping nothing. */
    private static void skip(XMLStreamReader xml, int depth) throws XMLStreamException, WxrRefused {
        if (depth > MAX_DEPTH) {
            throw refused(xml, "elements nested more than " + MAX_DEPTH + " deep");
        }
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> skip(xml, depth + 1);
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                    throw refused(xml, "entities are not accepted");
                default -> {} // text, comments and processing instructions
            }
        }
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        if (xml.getAttributeCount() == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    /** Moves to the next start tag; a DTD on the way is refused. */
    private static void nextElement(XMLStreamReader xml) throws XMLStreamException, WxrRefused {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw refused(xml, "a DOCTYPE (DTD) is not accepted: WXR files have none");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                throw refused(xml, "text where an element was expected");
            }
        }
        throw refused(xml, "the file ends before its first element");
    }

    /** The element's name with the fixed prefix of its namespace (see {@link WxrNode}). */
    static String name(XMLStreamReader xml) {
        String uri = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (uri == null || uri.isEmpty()) {
            return local;
        }
        if (uri.startsWith("http://wordpress.org/export/")) {
            return (uri.endsWith("/excerpt/") ? "excerpt:" : "wp:") + local;
        }
        return switch (uri) {
            case "http://purl.org/rss/1.0/modules/content/" -> "content:" + local;
            case "http://purl.org/dc/elements/1.1/" -> "dc:" + local;
            default -> "{" + uri + "}" + local;
        };
    }

    private static WxrRefused refused(XMLStreamReader xml, String reason) {
        Location at = xml.getLocation();
        return new WxrRefused(reason, at.getLineNumber(), at.getColumnNumber());
    }

    /** The parser's reason without its "ParseError at [row,col]" preamble, which we give our way. */
    static WxrRefused refused(XMLStreamException e) {
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = at < 0 ? message : message.substring(at + "Message: ".length());
        Location location = e.getLocation();
        return location == null
                ? new WxrRefused(reason.strip(), 0, 0)
                : new WxrRefused(reason.strip(), location.getLineNumber(), location.getColumnNumber());
    }

    private static void close(@Nullable XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing more will be read from it
            }
        }
    }
}
