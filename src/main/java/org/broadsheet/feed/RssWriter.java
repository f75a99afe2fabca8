package org.broadsheet.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes RSS 2.0 with Rome. Each item's {@code guid} is its permanent tag URI
 * ({@code isPermaLink="false"}), its byline is {@code dc:creator}, its tags are categories; the
 * summary is the {@code description} and the full text {@code content:encoded}. The channel
 * names its own address with {@code atom:link rel="self"}.
 */
final class RssWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private RssWriter() {}

    static byte[] write(FeedContent content, FeedContext context) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(FeedXml.text(context.title(content)));
        channel.setLink(context.absolute(content.homePath()));
        channel.setDescription(FeedXml.text(context.description(content)));
        channel.setLanguage(context.language());
        channel.setLastBuildDate(Date.from(content.updated()));
        if (!content.entries().isEmpty()) {
            channel.setPubDate(Date.from(content.entries().get(0).published()));
        }
        channel.setForeignMarkup(List.of(selfLink(context.self(content))));
        channel.setItems(content.entries().stream().map(e -> item(e, context)).toList());
        return FeedXml.bytes(channel);
    }

    private static Element selfLink(String href) {
        return new Element("link", ATOM)
                .setAttribute("href", href)
                .setAttribute("rel", "self")
                .setAttribute("type", "application/rss+xml");
    }

    private static Item item(FeedEntry entry, FeedContext context) {
        Item item = new Item();
        item.setTitle(FeedXml.text(entry.title()));
        item.setLink(context.absolute(entry.path()));
        Guid guid = new Guid();
        guid.setValue(entry.id().uri(context.host()));
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(entry.published()));
        String summaryHtml = entry.summary() == null ? null : HtmlUtils.htmlEscape(entry.summary());
        String fullHtml = entry.html() == null ? null : AbsoluteUrls.in(entry.html(), context.absolute(entry.path()));
        String description = summaryHtml != null ? summaryHtml : fullHtml;
        if (description != null) {
            item.setDescription(description(FeedXml.text(description)));
        }
        if (fullHtml != null && summaryHtml != null) {
            Content encoded = new Content();
            encoded.setType(Content.HTML);
            encoded.setValue(FeedXml.text(fullHtml));
            item.setContent(encoded);
        }
        item.setCategories(entry.categories().stream().map(RssWriter::category).toList());
        item.setModules(List.of(byline(entry)));
        return item;
    }

    private static Description description(String html) {
        Description description = new Description();
        description.setType("text/html");
        description.setValue(html);
        return description;
    }

    private static Category category(String name) {
        Category category = new Category();
        category.setValue(FeedXml.text(name));
        return category;
    }

    private static Module byline(FeedEntry entry) {
        DCModule dc = new DCModuleImpl();
        dc.setCreators(entry.authors().stream()
                .map(person -> FeedXml.text(person.name()))
                .toList());
        return dc;
    }
}
