package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON written into a script element: each character that could end it or confuse it is escaped, alone or not. */
class JsonLdTests {

    @Test
    void eachCharacterThatMattersInAScriptIsEscapedEvenAlone() {
        assertThat(JsonLd.escapeForScript("{\"a\":\"x<y\"}")).isEqualTo("{\"a\":\"x\\u003cy\"}");
        assertThat(JsonLd.escapeForScript("{\"a\":\"x>y\"}")).isEqualTo("{\"a\":\"x\\u003ey\"}");
        assertThat(JsonLd.escapeForScript("{\"a\":\"x&y\"}")).isEqualTo("{\"a\":\"x\\u0026y\"}");
        assertThat(JsonLd.escapeForScript("{\"a\":\"x\u2028y\"}")).isEqualTo("{\"a\":\"x\\u2028y\"}");
        assertThat(JsonLd.escapeForScript("{\"a\":\"x\u2029y\"}")).isEqualTo("{\"a\":\"x\\u2029y\"}");
    }

    @Test
    void jsonWithNoneOfThemIsWrittenAsItIs() {
        String json = "{\"headline\":\"Ferry fares frozen – for now\",\"n\":1}";
        assertThat(JsonLd.escapeForScript(json)).isSameAs(json);
    }
}
