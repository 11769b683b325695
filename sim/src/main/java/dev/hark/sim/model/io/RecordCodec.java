package dev.hark.sim.model.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.OptionalInFile;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the model's records to the JSON header and back, component by component, so the file describes itself
 * with the very names the Java model and the docs use. Arrays of int8 and int32 are not inlined: they go to the
 * binary section through a {@link TensorTable} and the JSON holds {@code {"tensor": index}}.
 *
 * <p>A component marked {@link OptionalInFile} is left out when null and read as null when absent.
 *
 * <p>Supported component types: int, float, boolean, String, enums, {@code byte[]}, {@code int[]}, records,
 * arrays of records, {@code List<String>} and {@code List<Layer>} (a layer object carries its {@code "type"}).
 */
final class RecordCodec {
    private static final Map<String, Class<?>> LAYER_TYPES = new HashMap<>();

    static {
        for (Class<?> type : Layer.class.getPermittedSubclasses()) {
            LAYER_TYPES.put(type.getSimpleName(), type);
        }
    }

    private final TensorTable tensors;

    RecordCodec(TensorTable tensors) {
        this.tensors = tensors;
    }

    JsonElement encode(Object value, String path) {
        if (value == null) {
            return JsonNull.INSTANCE;
        } else if (value instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else if (value instanceof String s) {
            return new JsonPrimitive(s);
        } else if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name());
        } else if (value instanceof byte[] bytes) {
            return tensorRef(tensors.addInt8(path, bytes));
        } else if (value instanceof int[] ints) {
            return tensorRef(tensors.addInt32(path, ints));
        } else if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < list.size(); i++) {
                array.add(encode(list.get(i), path + "[" + i + "]"));
            }
            return array;
        } else if (value.getClass().isArray()) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(encode(Array.get(value, i), path + "[" + i + "]"));
            }
            return array;
        } else if (value instanceof Record record) {
            JsonObject object = new JsonObject();
            if (record instanceof Layer) {
                object.addProperty("type", record.getClass().getSimpleName());
            }
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object member = read(component, record);
                if (member == null && component.isAnnotationPresent(OptionalInFile.class)) {
                    continue; // written as files before the component existed were
                }
                object.add(component.getName(), encode(member, path + "." + component.getName()));
            }
            return object;
        }
        throw new IllegalArgumentException("cannot store " + value.getClass().getName() + " at " + path);
    }

    Object decode(Type type, JsonElement json, String path) throws MalformedModelException {
        try {
            return decodeUnchecked(type, json, path);
        } catch (MalformedModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedModelException(path + ": " + e.getMessage());
        }
    }

    private Object decodeUnchecked(Type type, JsonElement json, String path) throws MalformedModelException {
        if (json == null) {
            throw new MalformedModelException(path + " is missing");
        }
        if (json.isJsonNull()) {
            return null;
        }
        if (type == int.class) {
            return intValue(json, path);
        } else if (type == float.class) {
            return number(json, path).floatValue();
        } else if (type == boolean.class) {
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isBoolean()) {
                throw new MalformedModelException(path + ": expected true or false, got " + json);
            }
            return json.getAsBoolean();
        } else if (type == String.class) {
            return string(json, path);
        } else if (type == byte[].class) {
            return tensors.int8(tensorIndex(json, path), path);
        } else if (type == int[].class) {
            return tensors.int32(tensorIndex(json, path), path);
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            List<Object> values = new ArrayList<>();
            JsonArray array = array(json, path);
            for (int i = 0; i < array.size(); i++) {
                values.add(decode(element, array.get(i), path + "[" + i + "]"));
            }
            return values;
        } else if (type instanceof Class<?> c && c.isEnum()) {
            return enumValue(c, string(json, path), path);
        } else if (type instanceof Class<?> c && c.isArray()) {
            JsonArray array = array(json, path);
            Object values = Array.newInstance(c.getComponentType(), array.size());
            for (int i = 0; i < array.size(); i++) {
                Array.set(values, i, decode(c.getComponentType(), array.get(i), path + "[" + i + "]"));
            }
            return values;
        } else if (type == Layer.class) {
            JsonObject object = object(json, path);
            String layerType = string(member(object, "type", path), path + ".type");
            Class<?> concrete = LAYER_TYPES.get(layerType);
            if (concrete == null) {
                throw new MalformedModelException(path + ": unknown layer type " + layerType);
            }
            return decodeRecord(concrete, object, path);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            return decodeRecord(c, object(json, path), path);
        }
        throw new MalformedModelException(path + ": unsupported type " + type.getTypeName());
    }

    private Object decodeRecord(Class<?> type, JsonObject json, String path) throws MalformedModelException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] argTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            JsonElement member = json.get(name);
            args[i] = member == null && components[i].isAnnotationPresent(OptionalInFile.class) ? null
                    : decode(components[i].getGenericType(), member, path + "." + name);
            argTypes[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(argTypes);
            return constructor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new MalformedModelException(path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static JsonObject tensorRef(int index) {
        JsonObject ref = new JsonObject();
        ref.addProperty("tensor", index);
        return ref;
    }

    private static int tensorIndex(JsonElement json, String path) throws MalformedModelException {
        if (!json.isJsonObject() || !json.getAsJsonObject().has("tensor")) {
            throw new MalformedModelException(path + " should reference a tensor");
        }
        return intValue(json.getAsJsonObject().get("tensor"), path + ".tensor");
    }

    /** A JSON number that is a 32-bit integer, as the model's int components are. */
    static int intValue(JsonElement json, String path) throws MalformedModelException {
        try {
            return number(json, path).intValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedModelException(path + ": expected a 32-bit integer, got " + json);
        }
    }

    private static BigDecimal number(JsonElement json, String path) throws MalformedModelException {
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
            try {
                return json.getAsBigDecimal();
            } catch (NumberFormatException e) {
                // a lenient number such as NaN falls through to the message below
            }
        }
        throw new MalformedModelException(path + ": expected a number, got " + json);
    }

    static String string(JsonElement json, String path) throws MalformedModelException {
        if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isString()) {
            throw new MalformedModelException(path + ": expected a string, got " + json);
        }
        return json.getAsString();
    }

    /** The member {@code name} of {@code object}; JSON null when it is absent, which every reader refuses. */
    static JsonElement member(JsonObject object, String name, String path) throws MalformedModelException {
        JsonElement value = object.get(name);
        if (value == null) {
            throw new MalformedModelException(path + "." + name + " is missing");
        }
        return value;
    }

    private static JsonArray array(JsonElement json, String path) throws MalformedModelException {
        if (!json.isJsonArray()) {
            throw new MalformedModelException(path + ": expected a list, got " + json);
        }
        return json.getAsJsonArray();
    }

    static JsonObject object(JsonElement json, String path) throws MalformedModelException {
        if (!json.isJsonObject()) {
            throw new MalformedModelException(path + ": expected an object, got " + json);
        }
        return json.getAsJsonObject();
    }

    private static Object enumValue(Class<?> type, String name, String path) throws MalformedModelException {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new MalformedModelException(path + ": " + name + " is not one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    /** A structural problem in the header; the reader adds the file name. */
    static final class MalformedModelException extends Exception {
        MalformedModelException(String message) {
            super(message);
        }
    }
}
