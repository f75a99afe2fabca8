package org.broadsheet.taxonomy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The service of each taxonomy, for code that works on any of them (the newsroom's management pages). */
@Component
public class Taxonomies {

    private final Map<Taxonomy, TermService<?>> services = new EnumMap<>(Taxonomy.class);

    Taxonomies(List<TermService<?>> all) {
        all.forEach(service -> services.put(service.taxonomy(), service));
    }

    public TermService<?> of(Taxonomy taxonomy) {
        return services.get(taxonomy);
    }
}
