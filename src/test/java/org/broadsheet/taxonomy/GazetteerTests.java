package org.broadsheet.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The places found in text: countries by every name they go by, demonyms, capitals; and what is not a place. */
class GazetteerTests {

    private final Gazetteer gazetteer = new Gazetteer();

    private String found(String text) {
        return String.join(", ", gazetteer.find(text).stream().map(Place::name).toList());
    }

    @Test
    void findsCountriesCapitalsDemonymsAndAliasesOnceEachInOrder() {
        String text = """
                The Kazakh foreign minister flew from Astana to Tashkent on Monday. Officials in \
                Uzbekistan said the talks covered water from the Syr Darya, which both countries \
                share. Kazakhstan's envoy later met delegates from Turkey, and the United States \
                sent an observer; a US spokesman called the meeting useful. Türkiye's ministry \
                said nothing.""";
        assertThat(found(text)).isEqualTo("Kazakhstan, Astana, Tashkent, Uzbekistan, Türkiye, United States");
    }

    @Test
    void theLongestNameWinsAndCaseMatters() {
        assertThat(found("Flights to Papua New Guinea resumed.")).isEqualTo("Papua New Guinea");
        assertThat(found("Guinea-Bissau and Equatorial Guinea signed.")).isEqualTo("Guinea-Bissau, Equatorial Guinea");
        assertThat(found("Tell us what you think of the bus.")).isEmpty();
        assertThat(found("The U.S. and the UK agreed; Britain's envoy spoke."))
                .isEqualTo("United States, United Kingdom");
    }

    @Test
    void namesInParenthesesAndOtherSpellingsAreTheSamePlace() {
        assertThat(found("Burma, now Myanmar, held a vote.")).isEqualTo("Myanmar");
        assertThat(found("Ivory Coast, or Côte d’Ivoire, exports cocoa.")).isEqualTo("Côte d’Ivoire");
        assertThat(found("Aid reached the DRC and Kiev.")).isEqualTo("Democratic Republic of the Congo, Kyiv");
    }

    @Test
    void eachPlaceHasTheSlugOfItsTag() {
        assertThat(gazetteer.place("turkiye")).contains(new Place("turkiye", "Türkiye"));
        assertThat(gazetteer.place("united-states")).contains(new Place("united-states", "United States"));
        assertThat(gazetteer.place("astana")).contains(new Place("astana", "Astana"));
        assertThat(gazetteer.place("atlantis")).isEmpty();
    }
}
