package org.broadsheet.feed;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A sitemap as a crawler reads it: parsed by a namespace-aware parser (which fails on anything
 * not well-formed), its elements found by namespace and local name only, so a wrong or missing
 * namespace finds nothing.
 */
record SitemapDocument(Document document) {

    record Entry(String loc, String lastmod) {}

    record NewsEntry(String loc, String name, String language, String publicationDate, String title) {}

    static SitemapDocument parse(MockHttpServletResponse response) {
        return parse(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    static SitemapDocument parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SitemapDocument(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
        } catch (Exception e) {
            throw new AssertionError("Not a well-formed XML document: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The root element's local name, when it is in the sitemap namespace; else its qualified name. */
    String root() {
        Element root = document.getDocumentElement();
        return SitemapXml.NAMESPACE.equals(root.getNamespaceURI()) ? root.getLocalName() : root.getTagName();
    }

    /** Each {@code <url>} or {@code <sitemap>}: its {@code loc} and {@code lastmod} (null when absent). */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Element entry : children(document.getDocumentElement(), SitemapXml.NAMESPACE, null)) {
            entries.add(
                    new Entry(text(entry, SitemapXml.NAMESPACE, "loc"), text(entry, SitemapXml.NAMESPACE, "lastmod")));
        }
        return entries;
    }

    List<String> locs() {
        return entries().stream().map(Entry::loc).toList();
    }

    /** The {@code lastmod} of the entry for {@code loc}; fails when there is no such entry. */
    String lastmodOf(String loc) {
        return entries().stream()
                .filter(e -> e.loc().equals(loc))
                .findFirst()
                .orElseThrow(() -> new AssertionError(loc + " is not listed"))
                .lastmod();
    }

    /** The latest {@code lastmod} (W3C datetimes in UTC sort as text). */
    String newestLastmod() {
        return entries().stream()
                .map(Entry::lastmod)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** Each {@code <url>} with its {@code news:news}. */
    List<NewsEntry> news() {
        String ns = SitemapXml.NEWS_NAMESPACE;
        List<NewsEntry> entries = new ArrayList<>();
        for (Element url : children(document.getDocumentElement(), SitemapXml.NAMESPACE, "url")) {
            Element news = only(children(url, ns, "news"));
            Element publication = only(children(news, ns, "publication"));
            entries.add(new NewsEntry(
                    text(url, SitemapXml.NAMESPACE, "loc"),
                    text(publication, ns, "name"),
                    text(publication, ns, "language"),
                    text(news, ns, "publication_date"),
                    text(news, ns, "title")));
        }
        return entries;
    }

    /** The child elements of {@code parent} in {@code namespace} (with this local name, or any when null). */
    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e
                    && namespace.equals(e.getNamespaceURI())
                    && (localName == null || localName.equals(e.getLocalName()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element only(List<Element> elements) {
        if (elements.size() != 1) {
            throw new AssertionError("Expected one element, found " + elements.size());
        }
        return elements.get(0);
    }

    private static String text(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : only(found).getTextContent();
    }
}
