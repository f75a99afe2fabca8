package org.broadsheet.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C Nu HTML Checker (the engine behind validator.w3.org/nu), run in process:
 * an HTML document in, its messages out. Nothing is fetched from the network.
 * Create one per test class (start-up loads the HTML schema); not thread-safe.
 */
public final class NuChecker {

    private final EmbeddedValidator validator = new EmbeddedValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    public NuChecker() {
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    }

    /** Every message the checker has about a document, in document order. */
    public List<NuMessage> check(byte[] html) {
        String output;
        try {
            output = validator.validate(new ByteArrayInputStream(html));
        } catch (IOException | SAXException e) {
            return List.of(new NuMessage(
                    "non-document-error", null, 0, 0, "The checker could not read the document: " + e, ""));
        }
        List<NuMessage> messages = new ArrayList<>();
        for (JsonNode m : json.readTree(output).path("messages")) {
            messages.add(new NuMessage(
                    m.path("type").asString(""),
                    m.path("subType").asString(null),
                    m.path("lastLine").asInt(0),
                    m.path("firstColumn").asInt(m.path("lastColumn").asInt(0)),
                    m.path("message").asString(""),
                    m.path("extract").asString("")));
        }
        return messages;
    }

    public List<NuMessage> check(String html) {
        return check(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One checker message.
     *
     * @param type    {@code error}, {@code info} (a warning when {@code subType} is
     *                {@code warning}) or {@code non-document-error}
     * @param line    the line it ends on, 1-based (0 when unknown)
     * @param column  the column it starts on, 1-based (0 when unknown)
     * @param extract the source around it
     */
    public record NuMessage(String type, String subType, int line, int column, String message, String extract) {

        public boolean isError() {
            return type.equals("error") || type.equals("non-document-error");
        }

        public boolean isWarning() {
            return type.equals("info") && "warning".equals(subType);
        }

        /** {@code 12:7 error: …} followed by the source extract, one line per message. */
        public String describe() {
            String kind = isError()
                    ? (subType == null ? type : type + " (" + subType + ")")
                    : isWarning() ? "warning" : "info";
            String where = line + ":" + column;
            String source = extract.isBlank()
                    ? ""
                    : "\n      source: " + extract.strip().replaceAll("\\s+", " ");
            return where + " " + kind + ": " + message + source;
        }
    }
}
