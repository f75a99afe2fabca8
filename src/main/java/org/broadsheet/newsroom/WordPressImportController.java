package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.media.MediaSettings;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.broadsheet.wordpress.WordPressImports;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * Importing a WordPress export from the newsroom, for administrators: the upload form (a WXR
 * file, gzip-compressed or not, up to the site's upload limit; larger ones go through
 * {@code import-wxr}), and each import's page, which shows its progress line while it runs in
 * the background (refreshing itself every two seconds) and its report at the end.
 */
@Controller
record WordPressImportController(
        NewsroomPages pages, WordPressImports imports, SectionService sections, MediaSettings media) {

    /** The form as typed. */
    record ImportFields(@Nullable String pages, @Nullable String dryRun) {}

    @GetMapping(NewsroomUrls.WORDPRESS_IMPORT)
    ModelAndView form(Staff staff) {
        staff.require(Permission.MANAGE_SETTINGS);
        return page(staff, StaffForm.empty());
    }

    @PostMapping(NewsroomUrls.WORDPRESS_IMPORT)
    ModelAndView start(Staff staff, @RequestParam(required = false) @Nullable MultipartFile file, ImportFields fields) {
        staff.require(Permission.MANAGE_SETTINGS);
        return pages.submit(
                fields,
                () -> {
                    if (file == null || file.isEmpty()) {
                        throw ValidationException.of("file", "Choose a WordPress export file (.xml or .xml.gz)");
                    }
                    String section = fields.pages() == null || fields.pages().isBlank() ? null : fields.pages();
                    if (section != null && sections.findBySlug(section).isEmpty()) {
                        throw ValidationException.of("pages", "Choose one of the sections");
                    }
                    try (InputStream content = file.getInputStream()) {
                        WordPressImports.Job job =
                                imports.start(content, name(file), "true".equals(fields.dryRun()), section);
                        return pages.redirect(NewsroomUrls.wordpressImport(job.id()), null);
                    } catch (IOException e) {
                        throw ValidationException.of("file", "The upload could not be saved: " + e.getMessage());
                    }
                },
                refused -> page(staff, refused));
    }

    @GetMapping(NewsroomUrls.WORDPRESS_IMPORT + "/{id}")
    ModelAndView job(Staff staff, @PathVariable String id, HttpServletResponse response) {
        staff.require(Permission.MANAGE_SETTINGS);
        WordPressImports.Job job = imports.job(id).orElseThrow(() -> new NotFoundException("No import " + id));
        if (!job.isFinished()) {
            response.setHeader("Refresh", "2");
        }
        return pages.render(
                staff, "newsroom/settings/wordpress-job", "WordPress import", "settings", Map.of("job", job));
    }

    private ModelAndView page(Staff staff, StaffForm form) {
        return pages.render(
                staff,
                "newsroom/settings/wordpress-import",
                "Import from WordPress",
                "settings",
                new WordPressImportView(form, sections.all(), imports.recent(), media.maxUploadSizeText()));
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "export.xml" : name.strip();
    }
}
