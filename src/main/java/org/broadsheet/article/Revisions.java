package org.broadsheet.article;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.broadsheet.article.RevisionDiff.Change;
import org.broadsheet.article.RevisionDiff.FieldDiff;
import org.broadsheet.article.RevisionDiff.Line;
import org.broadsheet.article.RevisionDiff.Span;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How revisions are stored and compared. A revision is the {@link ArticleForm} that made it,
 * as JSON, so a field added to the form later is kept by new revisions and simply missing
 * (null) in old ones. Comparison works on the form's fields as text, line by line, marking
 * changed words within a changed line. A library lead image reads as its id and the name it
 * was uploaded under ({@code Library image #12: "harbour.jpg"}), never as a file address.
 * Thread-safe.
 */
@Component
class Revisions {

    /** Unchanged lines kept around a change; longer unchanged stretches are folded. */
    static final int CONTEXT = 3;

    private static final String START = "\u0001";
    private static final String END = "\u0002";

    /** A field as text; {@code filenames} names library images by id (empty when not looked up). */
    private record Field(String label, BiFunction<ArticleForm, Map<Long, String>, String> text) {

        static Field of(String label, Function<ArticleForm, String> text) {
            return new Field(label, (form, filenames) -> text.apply(form));
        }
    }

    private static final List<Field> FIELDS = List.of(
            Field.of("Headline", ArticleForm::headline),
            Field.of("Standfirst", ArticleForm::standfirst),
            Field.of("Slug", ArticleForm::slug),
            Field.of("Section", ArticleForm::section),
            Field.of("Authors", f -> String.join(", ", f.authors())),
            Field.of("Tags", f -> String.join(", ", f.tags())),
            new Field("Lead image", (f, filenames) -> image(f.image(), filenames)),
            Field.of("Body", ArticleForm::body));

    // Our own mapper, not the application's: the stored shape must not follow web settings.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DiffRowGenerator rows = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .lineNormalizer(Function.identity())
            .oldTag(open -> open ? START : END)
            .newTag(open -> open ? START : END)
            .build();

    String toJson(ArticleForm form) {
        return json.writeValueAsString(form);
    }

    ArticleForm fromJson(String content) {
        return json.readValue(content, ArticleForm.class);
    }

    /** The labels of the fields that differ, in form order ("Headline", "Body"). */
    List<String> changes(ArticleForm before, ArticleForm after) {
        return FIELDS.stream()
                .filter(f -> before == null || !Objects.equals(text(f, before, Map.of()), text(f, after, Map.of())))
                .map(Field::label)
                .toList();
    }

    /**
     * The two forms compared field by field. {@code filenames} gives the upload names of the
     * library images they use, by id; an image missing from it is shown by its id alone.
     */
    List<FieldDiff> diff(ArticleForm before, ArticleForm after, Map<Long, String> filenames) {
        return FIELDS.stream()
                .map(f -> diff(f.label(), text(f, before, filenames), text(f, after, filenames)))
                .toList();
    }

    private FieldDiff diff(String label, String before, String after) {
        List<DiffRow> diffRows = rows.generateDiffRows(lines(before), lines(after));
        boolean changed = !before.equals(after);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < diffRows.size(); i++) {
            int same = sameRun(diffRows, i);
            int keepBefore = i == 0 ? 0 : CONTEXT;
            int keepAfter = i + same == diffRows.size() ? 0 : CONTEXT;
            if (same > keepBefore + keepAfter + 1) {
                diffRows.subList(i, i + keepBefore).forEach(r -> lines.add(line(r)));
                lines.add(new Line(Change.SKIPPED, List.of(), List.of(), same - keepBefore - keepAfter));
                diffRows.subList(i + same - keepAfter, i + same).forEach(r -> lines.add(line(r)));
                i += same - 1;
            } else {
                lines.add(line(diffRows.get(i)));
            }
        }
        return new FieldDiff(label, changed, lines);
    }

    private static int sameRun(List<DiffRow> rows, int from) {
        int i = from;
        while (i < rows.size() && rows.get(i).getTag() == DiffRow.Tag.EQUAL) {
            i++;
        }
        return i - from;
    }

    private static Line line(DiffRow row) {
        Change change = switch (row.getTag()) {
            case EQUAL -> Change.SAME;
            case CHANGE -> Change.CHANGED;
            case INSERT -> Change.ADDED;
            case DELETE -> Change.REMOVED;
        };
        return new Line(change, spans(row.getOldLine()), spans(row.getNewLine()), 0);
    }

    /** Splits a line marked by the generator into plain and changed pieces. */
    static List<Span> spans(String marked) {
        List<Span> spans = new ArrayList<>();
        boolean changed = false;
        int start = 0;
        for (int i = 0; i <= marked.length(); i++) {
            boolean boundary = i == marked.length() || marked.startsWith(START, i) || marked.startsWith(END, i);
            if (!boundary) {
                continue;
            }
            if (i > start) {
                spans.add(new Span(marked.substring(start, i), changed));
            }
            if (i < marked.length()) {
                changed = marked.startsWith(START, i);
            }
            start = i + 1;
        }
        return joinedAcrossSpaces(spans);
    }

    /** "A", " ", "new" all changed but the space: one changed span "A new", easier to read. */
    private static List<Span> joinedAcrossSpaces(List<Span> spans) {
        List<Span> joined = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            Span last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            boolean bridge = !span.changed()
                    && span.text().isBlank()
                    && last != null
                    && last.changed()
                    && i + 1 < spans.size()
                    && spans.get(i + 1).changed();
            if (last != null && last.changed() && (span.changed() || bridge)) {
                joined.set(joined.size() - 1, new Span(last.text() + span.text(), true));
            } else {
                joined.add(span);
            }
        }
        return joined;
    }

    private static String text(Field field, ArticleForm form, Map<Long, String> filenames) {
        String text = form == null ? null : field.text().apply(form, filenames);
        // The generator's own markers must not come from the text.
        return text == null ? "" : text.replace("\r\n", "\n").replace(START, "").replace(END, "");
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    /** The lead image in a newsroom's words: which picture, then its alt text, caption and credit. */
    static String image(LeadImage image, Map<Long, String> filenames) {
        if (image == null) {
            return "";
        }
        String which;
        if (image.hasMediaId()) {
            String filename = filenames.get(image.mediaId());
            which = "Library image #" + image.mediaId() + (filename == null ? "" : ": \"" + filename + "\"");
        } else {
            which = "Image by address: " + nonNull(image.path());
        }
        return String.join(
                "\n",
                which,
                "Alt: " + nonNull(image.alt()),
                "Caption: " + nonNull(image.caption()),
                "Credit: " + nonNull(image.credit()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
