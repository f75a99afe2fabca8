package org.broadsheet.account;

/** What a staff member may do; {@link Role} says who holds which. Checked on the server for every action. */
public enum Permission {
    /** Write, edit and submit for review one's own drafts. */
    WRITE_OWN,
    /** Upload images and edit the alt text of one's own uploads. */
    UPLOAD_MEDIA,
    /** Publish, schedule and unpublish one's own articles. */
    PUBLISH_OWN,
    /** Edit any article, whoever wrote it. */
    EDIT_ANY,
    /** Publish, schedule and unpublish any article. */
    PUBLISH_ANY,
    /** Append corrections and update notes to published articles. */
    ADD_NOTES,
    /** Approve, spam, trash, restore, edit and answer reader comments. */
    MODERATE_COMMENTS,
    /** Create and change sections, tags and authors. */
    MANAGE_TAXONOMY,
    /** Edit and delete anyone's media. */
    MANAGE_MEDIA,
    /** Invite staff, change their roles, disable them. */
    MANAGE_USERS,
    /** The site's title, description and comment policy. */
    MANAGE_SETTINGS
}
