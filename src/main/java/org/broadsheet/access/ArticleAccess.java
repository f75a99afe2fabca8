package org.broadsheet.access;

import java.util.Set;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.EditableArticle;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * What one staff member may do with one article: the role matrix of the writing workflow,
 * checked on the server by every article handler, the newsroom's and the API's (and used by
 * the newsroom's templates to show only the buttons that work). One source of truth: it lives
 * here, not in either of them, because {@code api} may not use {@code newsroom}.
 *
 * <table>
 * <caption>Who may do what ("own": articles they created)</caption>
 * <tr><th></th><th>contributor</th><th>author</th><th>editor, administrator</th></tr>
 * <tr><td>write a new article; autosave, restore or discard it before its first save</td><td>yes</td>
 * <td>yes</td><td>yes</td></tr>
 * <tr><td>open, see revisions</td><td>own</td><td>own</td><td>any</td></tr>
 * <tr><td>edit, restore, autosave</td><td>own, while draft or in review</td><td>own</td><td>any</td></tr>
 * <tr><td>submit for review</td><td>own draft</td><td>own</td><td>any</td></tr>
 * <tr><td>back to draft</td><td>own, from review</td><td>own</td><td>any</td></tr>
 * <tr><td>publish, schedule, unpublish, comments on/off</td><td>no</td><td>own</td><td>any</td></tr>
 * <tr><td>corrections and update notes</td><td>no</td><td>no</td><td>published ones</td></tr>
 * <tr><td>create tags from the editor</td><td>no</td><td>no</td><td>yes</td></tr>
 * </table>
 *
 * Contributors lose the pen once an editor has scheduled or published their article (as in
 * WordPress): changes to a public article are an editor's (or its author's) call.
 * Imported articles have no owner, so only editors work on them.
 */
public record ArticleAccess(
        boolean open,
        boolean edit,
        boolean submit,
        boolean returnToDraft,
        boolean publish,
        boolean unpublish,
        boolean comments,
        boolean notes,
        boolean createTags) {

    private static final Set<ArticleStatus> CONTRIBUTOR_EDITS = Set.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW);

    /** What {@code staff} may do with an article in {@code status} created by {@code owner} (null: imported). */
    public static ArticleAccess of(Staff staff, ArticleStatus status, @Nullable Long owner) {
        boolean own = owner != null && owner == staff.id();
        boolean open = staff.can(Permission.WRITE_OWN, Permission.EDIT_ANY, owner);
        boolean publish = staff.can(Permission.PUBLISH_OWN, Permission.PUBLISH_ANY, owner);
        boolean edit = staff.can(Permission.EDIT_ANY)
                || own && staff.can(Permission.WRITE_OWN) && (CONTRIBUTOR_EDITS.contains(status) || publish);
        return new ArticleAccess(
                open,
                edit,
                edit && (status == ArticleStatus.DRAFT || status == ArticleStatus.UNPUBLISHED),
                status == ArticleStatus.IN_REVIEW ? edit : status == ArticleStatus.SCHEDULED && publish,
                publish && edit,
                publish && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED),
                publish,
                staff.can(Permission.ADD_NOTES) && status == ArticleStatus.PUBLISHED,
                staff.can(Permission.MANAGE_TAXONOMY));
    }

    /** What {@code staff} may do with {@code article}. */
    public static ArticleAccess of(Staff staff, EditableArticle article) {
        return of(staff, article.status(), article.createdBy());
    }

    /** For an article not yet written: its writer will own it. */
    public static ArticleAccess forNew(Staff staff) {
        staff.require(Permission.WRITE_OWN);
        return of(staff, ArticleStatus.DRAFT, staff.id());
    }

    /** Throws {@link AccessDeniedException} (403) unless {@code allowed}. */
    public static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("You may not " + what + " this article");
        }
    }
}
