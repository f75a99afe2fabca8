package org.broadsheet.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.web.HtmlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * A WordPress body (HTML, after {@link WxrBodies} and {@link WxrLinks}) as the site's Markdown
 * wherever that loses nothing, block by block, and as sanitised HTML elsewhere.
 *
 * <p>The body is cut into top-level blocks as WordPress shows them ({@link HtmlBlocks}: loose
 * text becomes paragraphs, a story reference line stays a line of its own, untouched). Each
 * block is written as Markdown when it can be ({@link MarkdownBlocks}), and that Markdown is
 * kept only if readers would see the same: rendered and sanitised as the site renders bodies,
 * it must equal the block's own HTML sanitised ({@link SameRendering}). Other blocks (tables,
 * figures, sized images, anything unknown) are kept as their sanitised HTML, written so that
 * CommonMark reads each as one HTML block. The whole body is checked once more at the end; if
 * the pieces did not add up, every block is kept as HTML. So a hostile body loses its scripts,
 * handlers and {@code javascript:} links here already, exactly as the renderer would drop them.
 * Thread-safe.
 */
final class HtmlMarkdown {

    private static final SameRendering RENDERING = new SameRendering(new HtmlSanitizer());
    /** Tags that open a CommonMark HTML block of kind 6 (which lasts until a blank line). */
    private static final Pattern HTML_BLOCK_START = Pattern.compile(
            "<(?:p|h[1-6]|blockquote|ul|ol|li|hr|figure|figcaption|table|caption|thead|tbody|tfoot|tr|td|th|dl|dt|dd"
                    + "|div)[\\s/>]");

    private static final Pattern BLANK_LINE = Pattern.compile("\\n(?=[ \\t]*\\n)");

    private HtmlMarkdown() {}

    /**
     * {@code body} as Markdown, with HTML blocks where Markdown would lose something; the body
     * as it came when the result would be longer than an article's body may be (sanitised
     * HTML spells some characters as references) and the body itself is not.
     */
    static String convert(String body) {
        return convert(body, null).markdown();
    }

    /**
     * A body converted, and what the site's renderer made of its Markdown when the check could
     * use that rendering (null otherwise): the import stores it rather than render again.
     */
    record Converted(String markdown, ArticleImports.@Nullable Prerendered rendering) {}

    /**
     * As {@link #convert(String)}; {@code renderer}, when given, renders Markdown as the site
     * stores it ({@link ArticleImports#prerender}), and the check compares that rendering.
     */
    static Converted convert(String body, @Nullable Function<String, ArticleImports.Prerendered> renderer) {
        ArticleImports.Prerendered[] kept = {null};
        String converted = markdown(body, text -> same(text, renderer, kept));
        return converted.length() > ArticleForm.BODY_MAX && body.length() <= ArticleForm.BODY_MAX
                ? new Converted(body, null)
                : new Converted(converted, kept[0] != null && kept[0].markdown().equals(converted) ? kept[0] : null);
    }

    /** What readers see of {@code text}, sanitised: from the site's rendering when it serves (kept), else rendered here. */
    private static String same(
            String text,
            @Nullable Function<String, ArticleImports.Prerendered> renderer,
            ArticleImports.@Nullable Prerendered[] kept) {
        if (renderer != null) {
            ArticleImports.Prerendered rendering = renderer.apply(text);
            String html = rendering.plainHtml();
            if (html != null) {
                kept[0] = rendering;
                return html;
            }
        }
        return RENDERING.renderedSanitised(text);
    }

    private static String markdown(String body, Function<String, String> readersSee) {
        Document document = Jsoup.parseBodyFragment(body);
        document.outputSettings().prettyPrint(false);
        List<HtmlBlocks.Block> blocks = HtmlBlocks.of(document.body());
        document.body().empty();
        for (HtmlBlocks.Block block : blocks) {
            document.body().appendChild(block.html()); // paragraphs made from text join the document
        }
        Expected expected = new Expected(RENDERING.sanitised(document.body().html())); // the blocks' HTML, joined
        List<@Nullable String> markdown = MarkdownBlocks.of(blocks);
        if (markdown.stream().allMatch(Objects::nonNull)) {
            String text = join(markdown);
            if (expected.seenIn(readersSee.apply(text))) {
                return text;
            }
        }
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String html = blocks.get(i).html().outerHtml();
            String md = markdown.get(i);
            boolean same = md != null && RENDERING.ofMarkdown(md).equals(RENDERING.ofHtml(html));
            mixed.add(same ? md : htmlBlock(html));
        }
        String text = join(mixed);
        if (expected.seenIn(readersSee.apply(text))) {
            return text;
        }
        return join(blocks.stream()
                .map(b -> b.reference() ? b.html().text() : htmlBlock(b.html().outerHtml()))
                .toList());
    }

    /**
     * What readers see of the body as WordPress had it, sanitised; its canonical form made only
     * when a rendering does not {@linkplain PlainlySame plainly} match it.
     */
    private static final class Expected {

        private final String sanitised;
        private @Nullable String canonical;

        Expected(String sanitised) {
            this.sanitised = sanitised;
        }

        boolean seenIn(String rendered) {
            if (PlainlySame.same(rendered, sanitised)) {
                return true;
            }
            if (canonical == null) {
                canonical = SameRendering.canonical(sanitised);
            }
            return SameRendering.canonical(rendered).equals(canonical);
        }
    }

    /**
     * A block kept as its sanitised HTML, shaped so that CommonMark passes it through as one
     * HTML block: no blank line inside (a line break there is written as a character
     * reference, which reads the same), and opened by a block tag ({@code div}, which the
     * sanitiser then drops, when the HTML starts otherwise).
     */
    private static String htmlBlock(String html) {
        String sanitised = RENDERING.sanitised(html).strip();
        if (sanitised.isEmpty()) {
            return "";
        }
        sanitised = BLANK_LINE.matcher(sanitised).replaceAll("&#10;");
        return HTML_BLOCK_START.matcher(sanitised).lookingAt() ? sanitised : "<div>" + sanitised + "</div>";
    }

    private static String join(List<@Nullable String> parts) {
        return String.join(
                "\n\n", parts.stream().filter(p -> p != null && !p.isEmpty()).toList());
    }
}
