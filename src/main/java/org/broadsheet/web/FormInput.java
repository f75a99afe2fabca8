package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a form may carry: text without control characters and without the replacement
 * character that invalid UTF-8 leaves behind. A request whose parameters Tomcat could not
 * decode, or that carries such characters, is answered 400 and changes nothing.
 */
public final class FormInput {

    /** C0 and C1 controls other than line breaks and tab, and U+FFFD. */
    public static final Pattern FORBIDDEN_IN_TEXT =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFD]");
    /** As {@link #FORBIDDEN_IN_TEXT}, and no line breaks or tabs either: for one-line fields. */
    public static final Pattern FORBIDDEN_IN_LINE = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\uFFFD]");
    /** Set by Tomcat when it could not decode the request's parameters. */
    public static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    private FormInput() {}

    /** Whether every parameter was decoded and none holds a character {@link #FORBIDDEN_IN_TEXT} forbids. */
    public static boolean isClean(HttpServletRequest request) {
        if (request.getAttribute(PARSE_FAILED) != null) {
            return false;
        }
        for (Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
            if (FORBIDDEN_IN_TEXT.matcher(param.getKey()).find()) {
                return false;
            }
            for (String value : param.getValue()) {
                if (FORBIDDEN_IN_TEXT.matcher(value).find()) {
                    return false;
                }
            }
        }
        return true;
    }
}
