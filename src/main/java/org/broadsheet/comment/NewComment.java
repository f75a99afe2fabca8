package org.broadsheet.comment;

/** A validated comment about to be stored: fields trimmed, the website normalised or null. */
record NewComment(String name, String email, String website, String text, Visitor visitor) {}
