package org.broadsheet.newsroom;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The article editor's form read back from its page, to post it as a browser would. */
final class EditorForm {

    private EditorForm() {}

    /** The editor form's fields as a browser would send them, with one field changed. */
    static MultiValueMap<String, String> fields(Document editor, String name, String value) {
        var values = fields(editor);
        values.set(name, value);
        return values;
    }

    /** The editor form's fields as a browser would send them (without the action buttons). */
    static MultiValueMap<String, String> fields(Document editor) {
        var values = new LinkedMultiValueMap<String, String>();
        for (Element field : editor.select(
                "#article-editor input[name], #article-editor textarea[name], #article-editor select[name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf") || field.attr("type").equals("checkbox") && !field.hasAttr("checked")) {
                continue;
            }
            if (field.tagName().equals("select")) {
                Element selected = field.selectFirst("option[selected]");
                values.add(name, selected == null ? "" : selected.val());
            } else {
                values.add(name, field.tagName().equals("textarea") ? field.wholeText() : field.val());
            }
        }
        return values;
    }
}
