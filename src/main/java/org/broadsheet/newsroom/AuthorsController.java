package org.broadsheet.newsroom;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorForm;
import org.broadsheet.author.AuthorService;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Authors (bylines), for staff who keep the site's structure: the list, a new author, an
 * author's name, slug, job title, bio and photo, and deleting one nobody writes as.
 */
@Controller
class AuthorsController {

    private static final String ID = "{id:[0-9]{1,18}}";

    private final NewsroomPages pages;
    private final AuthorService authors;

    AuthorsController(NewsroomPages pages, AuthorService authors) {
        this.pages = pages;
        this.authors = authors;
    }

    @GetMapping("/newsroom/authors")
    ModelAndView list(Staff staff) {
        staff.require(Permission.MANAGE_TAXONOMY);
        return listPage(staff, StaffForm.empty(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/authors")
    ModelAndView create(Staff staff, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_TAXONOMY);
        try {
            Author author = authors.create(form(params));
            return pages.redirect("/newsroom/authors", "Author " + author.name() + " added.");
        } catch (ValidationException e) {
            return listPage(staff, StaffForm.refused(params, e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/newsroom/authors/" + ID)
    ModelAndView edit(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Author author = find(id);
        return editPage(staff, author, formFor(author), HttpStatus.OK);
    }

    @PostMapping("/newsroom/authors/" + ID)
    ModelAndView update(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Author author = find(id);
        try {
            Author saved = authors.update(id, form(params));
            return pages.redirect("/newsroom/authors", "Author " + saved.name() + " saved.");
        } catch (ValidationException e) {
            return editPage(staff, author, StaffForm.refused(params, e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/newsroom/authors/" + ID + "/delete")
    ModelAndView delete(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Author author = find(id);
        try {
            authors.delete(id);
            return pages.redirect("/newsroom/authors", "Author " + author.name() + " deleted.");
        } catch (ValidationException e) {
            return editPage(
                    staff,
                    author,
                    formFor(author).withProblem(e.problems().get(0).message()),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private ModelAndView listPage(Staff staff, StaffForm form, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/authors",
                "Authors",
                "authors",
                Map.of("view", new AuthorsView(authors.summaries(), null, form)),
                status);
    }

    private ModelAndView editPage(Staff staff, Author author, StaffForm form, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/authors-edit",
                author.name(),
                "authors",
                Map.of("view", new AuthorsView(List.of(), author, form)),
                status);
    }

    private Author find(long id) {
        return authors.findById(id).orElseThrow(() -> new NotFoundException("No author " + id));
    }

    private static StaffForm formFor(Author author) {
        Map<String, String> values = new HashMap<>();
        values.put("name", author.name());
        values.put("slug", author.slug());
        values.put("title", author.title());
        values.put("bio", author.bio());
        values.put("photo", author.photo());
        return StaffForm.of(values);
    }

    private static AuthorForm form(Map<String, String> params) {
        return new AuthorForm(
                params.get("slug"), params.get("name"), params.get("title"), params.get("bio"), params.get("photo"));
    }
}
