package org.broadsheet.web;

/** Thrown by controllers for anything a reader asked for that does not exist (for them); answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
