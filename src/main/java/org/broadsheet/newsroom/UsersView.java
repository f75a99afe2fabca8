package org.broadsheet.newsroom;

import java.util.List;
import java.util.stream.Stream;
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

    /** The role select's choices, by key. */
    public List<FormField.Option> roleOptions() {
        return roles.stream().map(r -> new FormField.Option(r.key(), r.label())).toList();
    }

    /** The byline select's choices: none, then every author by id. */
    public List<FormField.Option> authorOptions() {
        return Stream.concat(
                        Stream.of(new FormField.Option("", "None")),
                        authors.stream().map(a -> new FormField.Option(Long.toString(a.id()), a.name())))
                .toList();
    }

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
