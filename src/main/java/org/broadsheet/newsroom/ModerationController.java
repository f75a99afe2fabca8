package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.comment.CommentAction;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentRow;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.StaffComment;
import org.broadsheet.comment.StaffCommentQuery;
import org.broadsheet.web.Dates;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
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
record ModerationController(NewsroomPages pages, CommentService comments, Dates dates) {

    @GetMapping(NewsroomUrls.COMMENTS)
    ModelAndView queue(
            Staff staff,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page) {
        staff.require(Permission.MODERATE_COMMENTS);
        return queuePage(staff, ModerationFilter.parse(status, q, page), null);
    }

    /**
     * What the queue's forms send: the queue they were sent from (hidden fields), where to go
     * back to after one comment's action ({@code back=comment}: its page), and for bulk actions
     * the action and the ticked ids.
     */
    record QueueFields(String status, String q, String page, String back, String action, List<String> ids) {

        /** The queue the form was sent from; a malformed one falls back to the first page of held comments. */
        ModerationFilter filter() {
            try {
                return ModerationFilter.parse(status, q, page);
            } catch (NotFoundException e) {
                return ModerationFilter.parse(null, null, null);
            }
        }
    }

    /** A comment as staff correct it. */
    record CommentFields(String name, String email, String website, String comment) {

        CommentForm toForm() {
            return new CommentForm(name, email, website, comment, null);
        }
    }

    /** The newsroom's answer to a comment. */
    record ReplyFields(String reply) {}

    /** One action on one comment; back to the queue as it was, or to the comment's page. */
    @PostMapping(NewsroomUrls.COMMENTS + "/" + NewsroomUrls.ID + "/{action:[a-z]{1,20}}")
    ModelAndView act(Staff staff, @PathVariable long id, @PathVariable String action, QueueFields fields) {
        staff.require(Permission.MODERATE_COMMENTS);
        CommentAction what =
                CommentAction.fromKey(action).orElseThrow(() -> new NotFoundException("No action " + action));
        comments.apply(what, id);
        String back = "comment".equals(fields.back()) && what != CommentAction.DELETE_FOREVER
                ? NewsroomUrls.comment(id)
                : fields.filter().url();
        return pages.redirect(back, done(what, 1));
    }

    @PostMapping(NewsroomUrls.COMMENTS + "/bulk")
    ModelAndView bulk(Staff staff, QueueFields fields) {
        staff.require(Permission.MODERATE_COMMENTS);
        ModerationFilter filter = fields.filter();
        CommentAction action = CommentAction.fromKey(fields.action() == null ? "" : fields.action())
                .orElse(null);
        return pages.submit(
                fields,
                () -> pages.redirect(filter.url(), done(action, comments.bulk(action, ids(fields.ids())))),
                refused -> queuePage(staff, filter, refused.allErrors()));
    }

    @GetMapping(NewsroomUrls.COMMENTS + "/" + NewsroomUrls.ID)
    ModelAndView comment(Staff staff, @PathVariable long id) {
        staff.require(Permission.MODERATE_COMMENTS);
        StaffComment comment = find(id);
        return commentPage(staff, comment, formFor(comment), StaffForm.empty());
    }

    @PostMapping(NewsroomUrls.COMMENTS + "/" + NewsroomUrls.ID)
    ModelAndView edit(Staff staff, @PathVariable long id, CommentFields fields) {
        staff.require(Permission.MODERATE_COMMENTS);
        StaffComment comment = find(id);
        return pages.submit(
                fields,
                () -> comments.edit(id, fields.toForm()),
                NewsroomUrls.comment(id),
                "Comment saved.",
                refused -> commentPage(staff, comment, refused, StaffForm.empty()));
    }

    /** Answers the comment as the newsroom, in the signed-in person's name; approves the comment answered. */
    @PostMapping(NewsroomUrls.COMMENTS + "/" + NewsroomUrls.ID + "/reply")
    ModelAndView reply(Staff staff, @PathVariable long id, ReplyFields fields) {
        staff.require(Permission.MODERATE_COMMENTS);
        StaffComment comment = find(id);
        return pages.submit(
                fields,
                () -> comments.replyAsStaff(id, staff.name(), staff.email(), fields.reply()),
                NewsroomUrls.comment(id),
                "Reply published.",
                refused -> commentPage(
                        staff,
                        comment,
                        formFor(comment),
                        refused.errorsOn("reply", m -> m.replace("Comment", "Reply"))));
    }

    private ModelAndView queuePage(Staff staff, ModerationFilter filter, String problem) {
        ResultPage<StaffComment> page =
                comments.forStaff(new StaffCommentQuery(filter.commentStatus(), filter.search(), filter.page()));
        if (filter.page() > page.pages()) {
            // the last comments of a page were just moved away, or an old link: show the last page there is
            filter = new ModerationFilter(filter.status(), filter.search(), page.pages());
            page = comments.forStaff(new StaffCommentQuery(filter.commentStatus(), filter.search(), filter.page()));
        }
        List<ModerationQueueView.Row> rows = page.items().stream()
                .map(c -> new ModerationQueueView.Row(
                        c,
                        dates.of(c.comment().createdAt()),
                        CommentAction.forStatus(c.comment().status())))
                .toList();
        var view = new ModerationQueueView(filter, tabs(filter), rows, page, List.of(CommentAction.values()), problem);
        return pages.render(staff, "newsroom/comments/queue", "Comments", "comments", view);
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

    private ModelAndView commentPage(Staff staff, StaffComment comment, StaffForm form, StaffForm reply) {
        var view = new ModerationCommentView(
                comment,
                dates.of(comment.comment().createdAt()),
                CommentAction.forStatus(comment.comment().status()),
                form,
                reply);
        return pages.render(
                staff,
                "newsroom/comments/comment",
                "Comment by " + comment.comment().name(),
                "comments",
                view);
    }

    private StaffComment find(long id) {
        return comments.staffComment(id).orElseThrow(() -> new NotFoundException("No comment " + id));
    }

    private static StaffForm formFor(StaffComment staffComment) {
        CommentRow comment = staffComment.comment();
        return StaffForm.of(new CommentFields(comment.name(), comment.email(), comment.website(), comment.text()));
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
