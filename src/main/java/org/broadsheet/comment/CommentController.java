package org.broadsheet.comment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.ErrorPages;
import org.broadsheet.web.FormInput;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Receives the "Leave a Reply" form. A comment that is stored is answered with a redirect
 * (303) to it on the article page; a refused one with the article page again, the reader's
 * text kept and the reason beside the field or above the form: 422 for fields to fix or a
 * form sent too soon or too late, 409 for a duplicate, 429 (with Retry-After) for flooding,
 * 403 when comments are closed. Input that no person types (control characters, invalid
 * UTF-8, a filled-in honeypot, a forged form token) gets a 400 page and changes nothing.
 *
 * <p>Forgery: the form carries no per-reader token (so the article page can be cached for
 * everyone); a post that a browser says came from another site ({@code Sec-Fetch-Site}, else
 * {@code Origin}) is refused with 403 ({@link CrossSitePosts}). The signed form token still
 * binds the post to an article and a time window.
 */
@Controller
record CommentController(
        CommentService service,
        CommentPolicies policies,
        CommentTokens tokens,
        CommentCookies cookies,
        CommentThreads threads,
        ArticleReader articles,
        ArticlePages pages,
        ErrorPages errorPages,
        SiteUrls urls) {

    private static final Set<String> SINGLE_FIELDS =
            Set.of("article", "parent", "token", "name", "email", "website", "comment", "remember");
    /** A comment or article id as forms and links carry it. */
    static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    /** One sending of the form: what the reader sent about which article, and the exchange to answer. */
    private record Submission(
            ArticleView article,
            CommentForm form,
            boolean remember,
            HttpServletRequest request,
            HttpServletResponse response) {

        Visitor visitor() {
            return new Visitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        }
    }

    @PostMapping("/comments")
    ModelAndView post(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (CrossSitePosts.isCrossSite(request, urls.origin())) {
            return errorPages.render(
                    HttpStatus.FORBIDDEN,
                    "Comment not accepted",
                    "The comment was sent from a page of another site. Nothing was posted.");
        }
        String malformed = malformed(request);
        if (malformed != null) {
            return refuse(HttpStatus.BAD_REQUEST, malformed);
        }
        String articleParam = request.getParameter("article");
        ArticleView article = articles.findById(Long.parseLong(articleParam))
                .orElseThrow(() -> new NotFoundException("No article " + articleParam));
        String parentParam = request.getParameter("parent");
        CommentForm form = new CommentForm(
                request.getParameter("name"),
                request.getParameter("email"),
                request.getParameter("website"),
                request.getParameter("comment"),
                blank(parentParam) ? null : Long.valueOf(parentParam));
        Submission sent = new Submission(article, form, request.getParameter("remember") != null, request, response);
        ModelAndView refused = checkToken(sent);
        return refused != null ? refused : post(sent);
    }

    /** Why this request is not a comment form as a person sends it, or null if it is one. */
    private static String malformed(HttpServletRequest request) {
        if (request.getAttribute(FormInput.PARSE_FAILED) != null || !clean(request)) {
            return "The comment contained characters that cannot be accepted "
                    + "(control characters or text that is not valid UTF-8), or a field twice. Nothing was posted.";
        }
        String articleParam = request.getParameter("article");
        if (articleParam == null || !ID.matcher(articleParam).matches()) {
            return "The form did not say which article the comment is about.";
        }
        String parentParam = request.getParameter("parent");
        if (!blank(parentParam) && !ID.matcher(parentParam).matches()) {
            return "The form named a comment to reply to that does not exist.";
        }
        if (Arrays.stream(Objects.requireNonNullElse(request.getParameterValues("subject"), new String[0]))
                .anyMatch(value -> !value.isEmpty())) {
            return "The comment could not be accepted. Nothing was posted."; // the honeypot was filled in
        }
        return null;
    }

    /** The answer to a form token that is forged, too fresh or too old; null for a good one. */
    private ModelAndView checkToken(Submission sent) {
        return switch (tokens.check(
                sent.article().id(),
                sent.request().getParameter("token"),
                policies.current().minFormTime())) {
            case FORGED ->
                refuse(HttpStatus.BAD_REQUEST, "The comment form was damaged on its way. Nothing was posted.");
            case TOO_SOON ->
                again(
                        sent,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        Map.of(),
                        "That was quicker than we allow. Please check your comment and send it again.",
                        null);
            case EXPIRED ->
                again(
                        sent,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        Map.of(),
                        "This form was open for too long. Your comment is below: please send it again.",
                        null);
            case VALID -> null;
        };
    }

    private ModelAndView post(Submission sent) {
        try {
            CommentService.Posted posted = service.post(sent.article(), sent.form(), sent.visitor());
            rememberOrForget(sent);
            if (posted.status() != CommentStatus.APPROVED) {
                cookies.addHeld(sent.request(), sent.response(), posted.id());
            }
            return seeOther(commentUrl(sent.article(), posted.id()));
        } catch (ValidationException e) {
            return fieldsToFix(sent, e);
        } catch (CommentRefused.Duplicate e) {
            return again(
                    sent,
                    HttpStatus.CONFLICT,
                    Map.of(),
                    e.getMessage() + " It is already on this article.",
                    commentUrl(sent.article(), e.existingId()));
        } catch (CommentRefused.Flood e) {
            sent.response()
                    .setHeader(
                            HttpHeaders.RETRY_AFTER,
                            String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            return again(sent, HttpStatus.TOO_MANY_REQUESTS, Map.of(), e.getMessage(), null);
        } catch (CommentRefused.Closed e) {
            return refuse(HttpStatus.FORBIDDEN, "Comments are closed on this article. Nothing was posted.");
        }
    }

    private void rememberOrForget(Submission sent) {
        if (sent.remember()) {
            CommentForm form = sent.form();
            cookies.remember(
                    sent.request(),
                    sent.response(),
                    new CommentCookies.Remembered(
                            form.name().strip(),
                            form.email().strip(),
                            form.website() == null ? "" : form.website().strip()));
        } else {
            cookies.forget(sent.request(), sent.response());
        }
    }

    /** The comment's address on the page of the article's comments that holds it. */
    private String commentUrl(ArticleView article, long commentId) {
        int page = threads.pageOf(article.id(), commentId, policies.current());
        return urls.comment(article.url(), page, commentId);
    }

    /** The form again with each field's first problem beside it; a reply whose parent went away says so above. */
    private ModelAndView fieldsToFix(Submission sent, ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        String problem = errors.containsKey("parent")
                ? errors.remove("parent")
                : "Your comment was not posted. Please correct the fields marked below.";
        return again(sent, HttpStatus.UNPROCESSABLE_CONTENT, errors, problem, null);
    }

    private ModelAndView again(
            Submission sent, HttpStatus status, Map<String, String> errors, String problem, String problemLink) {
        CommentForm form = sent.form();
        sent.request()
                .setAttribute(
                        CommentSlot.FORM_STATE,
                        new CommentSlot.FormState(
                                new CommentForm(
                                        orEmpty(form.name()),
                                        orEmpty(form.email()),
                                        orEmpty(form.website()),
                                        orEmpty(form.text()),
                                        form.parentId()),
                                sent.remember(),
                                errors,
                                problem,
                                problemLink));
        ModelAndView page = pages.render(sent.article(), sent.request(), sent.response());
        page.setStatus(status);
        sent.response().setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return page;
    }

    private ModelAndView refuse(HttpStatus status, String message) {
        return errorPages.render(
                status, status == HttpStatus.FORBIDDEN ? "Comments are closed" : "Comment not accepted", message);
    }

    private static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    /** No control characters (line breaks only in the comment), and each of the form's own fields at most once. */
    private static boolean clean(HttpServletRequest request) {
        for (Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
            if (param.getValue().length > 1 && SINGLE_FIELDS.contains(param.getKey())) {
                return false;
            }
            Pattern forbidden =
                    "comment".equals(param.getKey()) ? FormInput.FORBIDDEN_IN_TEXT : FormInput.FORBIDDEN_IN_LINE;
            for (String value : param.getValue()) {
                if (forbidden.matcher(value).find()
                        || forbidden.matcher(param.getKey()).find()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
