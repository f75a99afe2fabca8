package org.broadsheet.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.broadsheet.web.FeedFormat;
import org.jspecify.annotations.Nullable;

/**
 * Writes Atom 1.0 with Rome. The feed's id is its own address; each entry's id is its permanent
 * tag URI. The site is the feed's author, so an entry without a byline still has one, as Atom
 * requires. Titles and summaries are text, full texts HTML.
 */
final class AtomWriter {

    private AtomWriter() {}

    static byte[] write(FeedContent content, FeedContext context) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        String self = context.self(content);
        feed.setId(self);
        feed.setTitleEx(text(context.title(content)));
        feed.setSubtitle(text(context.description(content)));
        feed.setLanguage(context.language());
        feed.setUpdated(Date.from(content.updated()));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", context.absolute(content.homePath()))));
        feed.setOtherLinks(List.of(link("self", FeedFormat.ATOM.contentType(), self)));
        feed.setAuthors(List.of(person(new FeedEntry.Person(context.site().name(), content.homePath()), context)));
        feed.setEntries(content.entries().stream().map(e -> entry(e, context)).toList());
        return FeedXml.bytes(feed);
    }

    private static Entry entry(FeedEntry entry, FeedContext context) {
        Entry atom = new Entry();
        String url = context.absolute(entry.path());
        atom.setId(entry.id().uri(context.host()));
        atom.setTitleEx(text(entry.title()));
        atom.setAlternateLinks(List.of(link("alternate", "text/html", url)));
        atom.setPublished(Date.from(entry.published()));
        atom.setUpdated(Date.from(entry.modified()));
        List<SyndPerson> authors = new ArrayList<>();
        entry.authors().forEach(person -> authors.add(person(person, context)));
        atom.setAuthors(authors);
        atom.setCategories(entry.categories().stream().map(AtomWriter::category).toList());
        if (entry.summary() != null) {
            atom.setSummary(text(entry.summary()));
        }
        if (entry.html() != null) {
            atom.setContents(List.of(html(AbsoluteUrls.in(entry.html(), url))));
        }
        return atom;
    }

    private static Content text(String value) {
        return content(Content.TEXT, value);
    }

    private static Content html(String value) {
        return content(Content.HTML, value);
    }

    private static Content content(String type, String value) {
        Content content = new Content();
        content.setType(type);
        content.setValue(FeedXml.text(value));
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static Person person(FeedEntry.Person person, FeedContext context) {
        Person atom = new Person();
        atom.setName(FeedXml.text(person.name()));
        @Nullable String url = person.url();
        if (url != null) {
            atom.setUri(context.absolute(url));
        }
        return atom;
    }

    private static Category category(String name) {
        Category category = new Category();
        category.setTerm(FeedXml.text(name));
        return category;
    }
}
