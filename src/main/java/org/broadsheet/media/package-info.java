/**
 * Media: uploads (JPEG, PNG, WebP, GIF), their checks, resized renditions, the storage they
 * are kept in, and their public serving under {@code /media/...}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.broadsheet.media;
