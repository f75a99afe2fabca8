/**
 * Reader comments: the comment form and threads on the article page, the moderation rules,
 * spam and flood defence, and the service the newsroom's moderation screens call.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"article", "taxonomy", "web", "render", "platform"})
package org.broadsheet.comment;
