package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.comment.CommentAction;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.StaffComment;
import org.broadsheet.comment.StaffCommentQuery;
import org.broadsheet.web.Dates;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The comment moderation queue, for staff who may moderate: status tabs (held comments
 * first), search, paging, an action per comment and bulk actions, and a page per comment to
 * correct it or answer it as the newsroom. Commenters' emails, websites and IP addresses are
 * shown here and nowhere readers can see.
 */
@Controller
class ModerationController {

    private static final String ID = "{id:[0-9]{1,18}}";

    private final NewsroomPages pages;
    private final CommentService comments;
    private final Dates dates;

    ModerationController(NewsroomPages pages, CommentService comments, Dates dates) {
        this.pages = pages;
        this.comments = comments;
        this.dates = dates;
    }

    @GetMapping("/newsroom/comments")
    ModelAndView queue(
            Staff staff,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page) {
        staff.require(Permission.MODERATE_COMMENTS);
        return queuePage(staff, ModerationFilter.parse(status, q, page), null, HttpStatus.OK);
    }

    /** One action on one comment; back to the queue as it was, or to the comment's page. */
    @PostMapping("/newsroom/comments/" + ID + "/{action:[a-z]{1,20}}")
    ModelAndView act(
            Staff staff, @PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> params) {
        staff.require(Permission.MODERATE_COMMENTS);
        CommentAction what =
                CommentAction.fromKey(action).orElseThrow(() -> new NotFoundException("No action " + action));
        comments.apply(what, id);
        String back = "comment".equals(params.get("back")) && what != CommentAction.DELETE_FOREVER
                ? "/newsroom/comments/" + id
                : filter(params).url();
        return pages.redirect(back, done(what, 1));
    }

    @PostMapping("/newsroom/comments/bulk")
    ModelAndView bulk(
            Staff staff,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "ids", required = false) List<String> ids) {
        staff.require(Permission.MODERATE_COMMENTS);
        ModerationFilter filter = filter(params);
        CommentAction action =
                CommentAction.fromKey(params.getOrDefault("action", "")).orElse(null);
        try {
            int count = comments.bulk(action, ids(ids));
            return pages.redirect(filter.url(), done(action, count));
        } catch (ValidationException e) {
            String problem = String.join(
                    " ",
                    e.problems().stream()
                            .map(ValidationException.Problem::message)
                            .toList());
            return queuePage(staff, filter, problem, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/newsroom/comments/" + ID)
    ModelAndView comment(Staff staff, @PathVariable long id) {
        staff.require(Permission.MODERATE_COMMENTS);
        StaffComment comment = find(id);
        return commentPage(staff, comment, formFor(comment), StaffForm.empty(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/comments/" + ID)
    ModelAndView edit(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        staff.require(Permission.MODERATE_COMMENTS);
        StaffComment comment = find(id);
        try {
            comments.edit(
                    id,
                    new CommentForm(
                            params.get("name"),
                            params.get("email"),
                            params.get("website"),
                            params.get("comment"),
                            null));
        } catch (ValidationException e) {
            return commentPage(
                    staff, comment, StaffForm.refused(params, e), StaffForm.empty(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return pages.redirect("/newsroom/comments/" + id, "Comment saved.");
    }

    /** Answers the comment as the newsroom, in the signed-in person's name; approves the comment answered. */
    @PostMapping("/newsroom/comments/" + ID + "/reply")
    ModelAndView reply(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        staff.require(Permission.MODERATE_COMMENTS);
        StaffComment comment = find(id);
        try {
            comments.replyAsStaff(id, staff.name(), staff.email(), params.get("reply"));
        } catch (ValidationException e) {
            List<ValidationException.Problem> problems = e.problems().stream()
                    .map(p ->
                            new ValidationException.Problem("reply", p.message().replace("Comment", "Reply")))
                    .toList();
            return commentPage(
                    staff,
                    comment,
                    formFor(comment),
                    StaffForm.refused(params, problems),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return pages.redirect("/newsroom/comments/" + id, "Reply published.");
    }

    private ModelAndView queuePage(Staff staff, ModerationFilter filter, String problem, HttpStatus status) {
        ResultPage<StaffComment> page =
                comments.forStaff(new StaffCommentQuery(filter.commentStatus(), filter.search(), filter.page()));
        if (filter.page() > page.pages()) {
            // the last comments of a page were just moved away, or an old link: show the last page there is
            filter = new ModerationFilter(filter.status(), filter.search(), page.pages());
            page = comments.forStaff(new StaffCommentQuery(filter.commentStatus(), filter.search(), filter.page()));
        }
        List<ModerationQueueView.Row> rows = page.items().stream()
                .map(c -> new ModerationQueueView.Row(c, dates.of(c.createdAt()), CommentAction.forStatus(c.status())))
                .toList();
        var view = new ModerationQueueView(filter, tabs(filter), rows, page, List.of(CommentAction.values()), problem);
        return pages.render(staff, "newsroom/comments", "Comments", "comments", Map.of("view", view), status);
    }

    private List<ModerationQueueView.Tab> tabs(ModerationFilter filter) {
        Map<CommentStatus, Long> counts = comments.countsByStatus();
        List<ModerationQueueView.Tab> tabs = new ArrayList<>();
        for (CommentStatus s : CommentStatus.values()) {
            tabs.add(new ModerationQueueView.Tab(
                    s.key(),
                    s.label(),
                    counts.get(s),
                    filter.tabUrl(s.key()),
                    filter.status().equals(s.key())));
        }
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        tabs.add(new ModerationQueueView.Tab(
                ModerationFilter.ALL,
                "All",
                all,
                filter.tabUrl(ModerationFilter.ALL),
                filter.status().equals(ModerationFilter.ALL)));
        return tabs;
    }

    private ModelAndView commentPage(
            Staff staff, StaffComment comment, StaffForm form, StaffForm reply, HttpStatus status) {
        var view = new ModerationCommentView(
                comment, dates.of(comment.createdAt()), CommentAction.forStatus(comment.status()), form, reply);
        return pages.render(
                staff,
                "newsroom/comments-edit",
                "Comment by " + comment.name(),
                "comments",
                Map.of("view", view),
                status);
    }

    private StaffComment find(long id) {
        return comments.staffComment(id).orElseThrow(() -> new NotFoundException("No comment " + id));
    }

    private static StaffForm formFor(StaffComment comment) {
        Map<String, String> values = new HashMap<>();
        values.put("name", comment.name());
        values.put("email", comment.email());
        values.put("website", comment.website());
        values.put("comment", comment.text());
        return StaffForm.of(values);
    }

    /** The queue the form was sent from (its hidden fields); a malformed one falls back to the first page of held comments. */
    private static ModerationFilter filter(Map<String, String> params) {
        try {
            return ModerationFilter.parse(params.get("status"), params.get("q"), params.get("page"));
        } catch (NotFoundException e) {
            return ModerationFilter.parse(null, null, null);
        }
    }

    /** The ticked comment ids; anything that is not an id is refused like an unknown comment. */
    private static List<Long> ids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank() && !part.strip().matches("[0-9]{1,18}")) {
                    throw new ValidationException(List.of(new ValidationException.Problem(
                            "ids",
                            "“" + part.strip()
                                    + "” is not a comment. Reload the page and try again; nothing was changed.")));
                }
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
        }
        return ids;
    }

    private static String done(CommentAction action, int count) {
        String what = count == 1 ? "Comment" : count + " comments";
        return what + " "
                + switch (action) {
                    case APPROVE -> "approved.";
                    case SPAM -> "marked as spam.";
                    case TRASH -> "moved to the trash.";
                    case RESTORE -> "restored.";
                    case DELETE_FOREVER -> "deleted for good.";
                };
    }
}
