package org.broadsheet.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import org.jdom2.Verifier;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** What the RSS and Atom writers share: text fit for XML, and a Rome feed as UTF-8 bytes. */
final class FeedXml {

    private FeedXml() {}

    /**
     * {@code text} fit for XML 1.0: characters XML cannot hold at all (most control characters,
     * lone surrogates) are dropped, since no escape can carry them and one would make the whole
     * feed unreadable. Escaping the rest ({@code <}, {@code &}, quotes) is the XML writer's job.
     */
    static String text(String text) {
        if (Verifier.checkCharacterData(text) == null) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * The feed as UTF-8 XML, every text as it is: Rome's own compact output would collapse the
     * white space inside full texts, which {@code <pre>} blocks need.
     */
    static byte[] bytes(WireFeed feed) {
        try {
            XMLOutputter xml = new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8"));
            return xml.outputString(new WireFeedOutput().outputJDom(feed)).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException(feed.getFeedType() + " feed not written: " + e.getMessage(), e);
        }
    }
}
