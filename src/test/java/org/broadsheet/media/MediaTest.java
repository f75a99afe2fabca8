package org.broadsheet.media;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The base of media tests: the library, its uploads and files, MockMvc and {@link MediaFixtures}, on the shared test context. */
abstract class MediaTest {

    @Autowired
    MediaLibrary library;

    @Autowired
    MediaUploads uploads;

    @Autowired
    MediaFiles files;

    @Autowired
    MediaStorage storage;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    MediaFixtures fixtures;

    @BeforeEach
    void makeFixtures() {
        fixtures = new MediaFixtures(jdbc, uploads, files, storage);
    }
}
