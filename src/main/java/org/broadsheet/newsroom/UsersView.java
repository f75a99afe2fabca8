package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffAccount;
import org.broadsheet.taxonomy.Author;

/**
 * The users pages' view.
 *
 * @param editing the user being edited, or null on the list
 * @param link    a one-time link just made, to show once, or null
 */
public record UsersView(
        List<StaffAccount> users,
        List<Author> authors,
        List<Role> roles,
        StaffForm form,
        StaffAccount editing,
        String link,
        String linkFor) {

    public String authorName(Long id) {
        return id == null
                ? ""
                : authors.stream()
                        .filter(a -> a.id() == id)
                        .map(Author::name)
                        .findFirst()
                        .orElse("");
    }
}
