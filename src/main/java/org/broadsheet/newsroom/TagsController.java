package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.tag.Tag;
import org.broadsheet.tag.TagForm;
import org.broadsheet.tag.TagService;
import org.broadsheet.tag.TagSummary;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.TextSearch;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Tags and topics, for staff who keep the site's structure: a searchable list, a new tag, a
 * tag's name, slug and kind, and deleting one no article carries.
 */
@Controller
class TagsController {

    private static final String ID = "{id:[0-9]{1,18}}";
    private static final int PAGE_SIZE = 50;

    private final NewsroomPages pages;
    private final TagService tags;

    TagsController(NewsroomPages pages, TagService tags) {
        this.pages = pages;
        this.tags = tags;
    }

    @GetMapping("/newsroom/tags")
    ModelAndView list(
            Staff staff, @RequestParam(required = false) String q, @RequestParam(required = false) String page) {
        staff.require(Permission.MANAGE_TAXONOMY);
        int n = page == null || page.isBlank() ? 1 : PageNumber.parse(page);
        return listPage(staff, TextSearch.normalise(q), n, StaffForm.of(Map.of("kind", "topic")), HttpStatus.OK);
    }

    @PostMapping("/newsroom/tags")
    ModelAndView create(Staff staff, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_TAXONOMY);
        try {
            Tag tag = tags.create(form(params));
            return pages.redirect("/newsroom/tags", "Tag “" + tag.name() + "” added.");
        } catch (ValidationException e) {
            return listPage(staff, null, 1, StaffForm.refused(params, e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/newsroom/tags/" + ID)
    ModelAndView edit(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Tag tag = find(id);
        return editPage(staff, tag, formFor(tag), HttpStatus.OK);
    }

    @PostMapping("/newsroom/tags/" + ID)
    ModelAndView update(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Tag tag = find(id);
        try {
            Tag saved = tags.update(id, form(params));
            return pages.redirect("/newsroom/tags", "Tag “" + saved.name() + "” saved.");
        } catch (ValidationException e) {
            return editPage(staff, tag, StaffForm.refused(params, e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/newsroom/tags/" + ID + "/delete")
    ModelAndView delete(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Tag tag = find(id);
        try {
            tags.delete(id);
            return pages.redirect("/newsroom/tags", "Tag “" + tag.name() + "” deleted.");
        } catch (ValidationException e) {
            return editPage(
                    staff,
                    tag,
                    formFor(tag).withProblem(e.problems().get(0).message()),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private ModelAndView listPage(Staff staff, String search, int page, StaffForm form, HttpStatus status) {
        ResultPage<TagSummary> found = tags.list(search, page, PAGE_SIZE);
        if (page > found.pages()) {
            throw new NotFoundException("Past the last page of tags: " + page);
        }
        return pages.render(
                staff,
                "newsroom/tags",
                "Tags",
                "tags",
                Map.of("view", new TagsView(found, search, null, form)),
                status);
    }

    private ModelAndView editPage(Staff staff, Tag tag, StaffForm form, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/tags-edit",
                tag.name(),
                "tags",
                Map.of("view", new TagsView(new ResultPage<>(List.of(), 0, 1, PAGE_SIZE), null, tag, form)),
                status);
    }

    private Tag find(long id) {
        return tags.findById(id).orElseThrow(() -> new NotFoundException("No tag " + id));
    }

    private static StaffForm formFor(Tag tag) {
        return StaffForm.of(Map.of("name", tag.name(), "slug", tag.slug(), "kind", tag.kind()));
    }

    private static TagForm form(Map<String, String> params) {
        return new TagForm(params.get("slug"), params.get("name"), params.get("kind"));
    }
}
