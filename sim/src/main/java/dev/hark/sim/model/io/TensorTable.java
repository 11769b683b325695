package dev.hark.sim.model.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary section of a model file: named int8 and int32 arrays, each starting on a 16-byte boundary so
 * a reader can map them directly, little-endian. The JSON header lists them (name, dtype, count, offset).
 */
final class TensorTable {
    static final int ALIGNMENT = 16;

    private record Entry(String name, String dtype, int count, int offset, byte[] bytes) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int size;

    int addInt8(String name, byte[] values) {
        return add(name, "int8", values.length, values.clone());
    }

    int addInt32(String name, int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return add(name, "int32", values.length, buffer.array());
    }

    private int add(String name, String dtype, int count, byte[] bytes) {
        size = align(size);
        entries.add(new Entry(name, dtype, count, size, bytes));
        size += bytes.length;
        return entries.size() - 1;
    }

    static int align(int offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    JsonArray describe() {
        JsonArray list = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("name", e.name);
            o.addProperty("dtype", e.dtype);
            o.addProperty("count", e.count);
            o.addProperty("offset", e.offset);
            list.add(o);
        }
        return list;
    }

    byte[] data() {
        byte[] data = new byte[size];
        for (Entry e : entries) {
            System.arraycopy(e.bytes, 0, data, e.offset, e.bytes.length);
        }
        return data;
    }

    /** Rebuilds the table from a header's description over the file's data section. */
    static TensorTable read(JsonArray description, ByteBuffer data) throws RecordCodec.MalformedModelException {
        TensorTable table = new TensorTable();
        for (int i = 0; i < description.size(); i++) {
            String path = "tensors[" + i + "]";
            JsonObject o = RecordCodec.object(description.get(i), path);
            String name = RecordCodec.string(RecordCodec.member(o, "name", path), path + ".name");
            String dtype = RecordCodec.string(RecordCodec.member(o, "dtype", path), path + ".dtype");
            int count = RecordCodec.intValue(RecordCodec.member(o, "count", path), path + ".count");
            int offset = RecordCodec.intValue(RecordCodec.member(o, "offset", path), path + ".offset");
            int width = switch (dtype) {
                case "int8" -> 1;
                case "int32" -> 4;
                default -> throw new RecordCodec.MalformedModelException("tensor " + name + ": unknown dtype " + dtype);
            };
            if (count < 0 || offset < 0) {
                throw new RecordCodec.MalformedModelException("tensor " + name + " has a negative "
                        + (count < 0 ? "count (" + count + ")" : "offset (" + offset + ")"));
            }
            if ((long) offset + (long) count * width > data.limit()) {
                throw new RecordCodec.MalformedModelException("tensor " + name + " (" + (long) count * width
                        + " bytes at offset " + offset + ") lies outside the data section of " + data.limit() + " bytes");
            }
            byte[] bytes = new byte[count * width];
            data.get(offset, bytes);
            table.entries.add(new Entry(name, dtype, count, offset, bytes));
        }
        return table;
    }

    byte[] int8(int index, String path) throws RecordCodec.MalformedModelException {
        return entry(index, "int8", path).bytes.clone();
    }

    int[] int32(int index, String path) throws RecordCodec.MalformedModelException {
        Entry e = entry(index, "int32", path);
        int[] values = new int[e.count];
        ByteBuffer.wrap(e.bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }

    private Entry entry(int index, String dtype, String path) throws RecordCodec.MalformedModelException {
        if (index < 0 || index >= entries.size()) {
            throw new RecordCodec.MalformedModelException(path + " references missing tensor " + index);
        }
        Entry e = entries.get(index);
        if (!e.dtype.equals(dtype)) {
            throw new RecordCodec.MalformedModelException(path + " expects " + dtype + " but tensor " + e.name
                    + " is " + e.dtype);
        }
        return e;
    }
}
