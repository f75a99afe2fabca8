package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.web.HtmlSanitizer;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into the HTML stored with it (once, on save).
 *
 * <p>Every stretch of ordinary Markdown is rendered by commonmark and then sanitised. A
 * paragraph that is only a story reference ({@code [[related: slug]]} or
 * {@code [[read-more: 42]]}) becomes a marker {@code <!--ref:related:42-->} naming the
 * target's id; the article page replaces it with the target's current headline and link,
 * or with nothing when the target is not public. Markers cannot be forged from Markdown:
 * the sanitiser never lets a comment through. Thread-safe.
 */
@Component
class BodyRenderer {

    static final Pattern MARKER = Pattern.compile("<!--ref:(related|read-more):(\\d+)-->");
    private static final Pattern REFERENCE =
            Pattern.compile("\\[\\[\\s*(related|read-more)\\s*:\\s*([A-Za-z0-9-]{1,120})\\s*]]");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(false).build();
    private final HtmlSanitizer sanitizer;

    BodyRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The article ids {@code markdown}'s references may name (a superset: code blocks are not told apart). */
    static java.util.stream.LongStream referencedIds(String markdown) {
        if (!markdown.contains("[[")) {
            return java.util.stream.LongStream.empty(); // the pattern's literal start: a quick search first
        }
        return REFERENCE
                .matcher(markdown)
                .results()
                .map(m -> m.group(2))
                .filter(key -> key.length() <= 18 && key.chars().allMatch(Character::isDigit))
                .mapToLong(Long::parseLong);
    }

    static String marker(StoryReference.Kind kind, long targetId) {
        return "<!--ref:" + kind.token + ":" + targetId + "-->";
    }

    /**
     * Renders {@code markdown}; {@code resolve} maps a reference to its target's id, or
     * empty when it names no article (then the reference is dropped with a warning).
     */
    RenderedBody render(String markdown, Function<StoryReference, Optional<Long>> resolve) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        StringBuilder html = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        List<RenderedBody.ResolvedReference> references = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            Optional<StoryReference> reference = asReference(node);
            if (reference.isEmpty()) {
                pending.append(renderer.render(node));
                continue;
            }
            html.append(sanitizer.sanitize(pending.toString()).html());
            pending.setLength(0);
            StoryReference ref = reference.get();
            Optional<Long> target = resolve.apply(ref);
            if (target.isPresent()) {
                html.append(marker(ref.kind(), target.get()));
                references.add(new RenderedBody.ResolvedReference(ref.kind(), target.get()));
            } else {
                warnings.add("The " + ref.kind().token + " reference \"" + ref.key()
                        + "\" names no article; readers will not see it");
            }
        }
        html.append(sanitizer.sanitize(pending.toString()).html());
        return new RenderedBody(html.toString(), references, warnings);
    }

    /** A paragraph whose whole text is one reference. */
    private static Optional<StoryReference> asReference(Node node) {
        if (!(node instanceof Paragraph)) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (!(child instanceof SoftLineBreak)) {
                return Optional.empty();
            }
        }
        Matcher m = REFERENCE.matcher(text.toString().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new StoryReference(
                StoryReference.Kind.fromToken(m.group(1)), m.group(2).toLowerCase()));
    }
}
