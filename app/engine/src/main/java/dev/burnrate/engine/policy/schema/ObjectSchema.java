package dev.burnrate.engine.policy.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields a YAML mapping may have, in documentation order. Unknown fields are errors. */
public final class ObjectSchema {
    private final Map<String, FieldSpec> fields;

    private ObjectSchema(Map<String, FieldSpec> fields) {
        this.fields = fields;
    }

    public static ObjectSchema of(FieldSpec... specs) {
        return of(List.of(specs));
    }

    public static ObjectSchema of(List<FieldSpec> specs) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec spec : specs) {
            if ((spec.type() == FieldType.OBJECT || spec.type() == FieldType.OBJECT_LIST) && spec.nested() == null) {
                throw new IllegalArgumentException(spec.name() + ": " + spec.type() + " fields need a nested schema");
            }
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("field '" + spec.name() + "' declared twice");
            }
        }
        return new ObjectSchema(byName);
    }

    /** This schema with more fields in front (e.g. the fields every rule has). */
    public ObjectSchema withLeading(List<FieldSpec> leading) {
        List<FieldSpec> all = new ArrayList<>(leading);
        all.addAll(fields.values());
        return of(all);
    }

    public FieldSpec field(String name) {
        return fields.get(name);
    }

    public List<FieldSpec> fields() {
        return List.copyOf(fields.values());
    }

    public List<String> names() {
        return List.copyOf(fields.keySet());
    }
}
