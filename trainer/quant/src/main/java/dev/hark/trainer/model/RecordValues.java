package dev.hark.trainer.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's components as text, by name in declaration order, for the files that identify a model or a run: the
 * keys come from the record itself, so a component added to it is written (and compared on resuming) without a line
 * to forget.
 */
public final class RecordValues {
    private RecordValues() {
    }

    /** Each component's {@code String.valueOf}, by its name. */
    public static Map<String, String> of(Record record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                values.put(component.getName(), String.valueOf(component.getAccessor().invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(record.getClass().getSimpleName() + "." + component.getName()
                        + ": " + e, e);
            }
        }
        return values;
    }
}
