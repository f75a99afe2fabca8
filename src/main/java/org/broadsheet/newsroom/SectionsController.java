package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.section.Section;
import org.broadsheet.section.SectionForm;
import org.broadsheet.section.SectionService;
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
 * Sections, for staff who keep the site's structure: the list in navigation order (moved up
 * and down one place at a time), a new section, a section's name, slug and description, and
 * deleting an empty one. Readers see every change on their next page.
 */
@Controller
class SectionsController {

    private static final String ID = "{id:[0-9]{1,18}}";

    private final NewsroomPages pages;
    private final SectionService sections;

    SectionsController(NewsroomPages pages, SectionService sections) {
        this.pages = pages;
        this.sections = sections;
    }

    @GetMapping("/newsroom/sections")
    ModelAndView list(Staff staff) {
        staff.require(Permission.MANAGE_TAXONOMY);
        return listPage(staff, StaffForm.empty(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/sections")
    ModelAndView create(Staff staff, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_TAXONOMY);
        try {
            Section section = sections.create(form(params));
            return pages.redirect("/newsroom/sections", "Section “" + section.name() + "” added.");
        } catch (ValidationException e) {
            return listPage(staff, StaffForm.refused(params, e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/newsroom/sections/" + ID)
    ModelAndView edit(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Section section = find(id);
        return editPage(
                staff,
                section,
                StaffForm.of(
                        Map.of("name", section.name(), "slug", section.slug(), "description", section.description())),
                HttpStatus.OK);
    }

    @PostMapping("/newsroom/sections/" + ID)
    ModelAndView update(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Section section = find(id);
        try {
            Section saved = sections.update(id, form(params));
            return pages.redirect("/newsroom/sections", "Section “" + saved.name() + "” saved.");
        } catch (ValidationException e) {
            return editPage(staff, section, StaffForm.refused(params, e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/newsroom/sections/" + ID + "/move-up")
    ModelAndView moveUp(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Section section = find(id);
        sections.moveUp(id);
        return pages.redirect("/newsroom/sections", "“" + section.name() + "” moved up.");
    }

    @PostMapping("/newsroom/sections/" + ID + "/move-down")
    ModelAndView moveDown(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Section section = find(id);
        sections.moveDown(id);
        return pages.redirect("/newsroom/sections", "“" + section.name() + "” moved down.");
    }

    @PostMapping("/newsroom/sections/" + ID + "/delete")
    ModelAndView delete(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Section section = find(id);
        try {
            sections.delete(id);
            return pages.redirect("/newsroom/sections", "Section “" + section.name() + "” deleted.");
        } catch (ValidationException e) {
            StaffForm form = StaffForm.of(Map.of(
                            "name", section.name(), "slug", section.slug(), "description", section.description()))
                    .withProblem(e.problems().get(0).message());
            return editPage(staff, section, form, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private ModelAndView listPage(Staff staff, StaffForm form, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/sections",
                "Sections",
                "sections",
                Map.of("view", new SectionsView(sections.summaries(), null, form)),
                status);
    }

    private ModelAndView editPage(Staff staff, Section section, StaffForm form, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/sections-edit",
                section.name(),
                "sections",
                Map.of("view", new SectionsView(List.of(), section, form)),
                status);
    }

    private Section find(long id) {
        return sections.findById(id).orElseThrow(() -> new NotFoundException("No section " + id));
    }

    private static SectionForm form(Map<String, String> params) {
        return new SectionForm(params.get("slug"), params.get("name"), params.get("description"), null);
    }
}
