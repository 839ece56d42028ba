package dev.parley.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/// Typed reads of optional payload fields. Each returns null when the field is absent or JSON
/// `null`, and throws [WrongType] when it is present with another JSON type; [Codec] turns that
/// into a `bad_message` refusal.
final class JsonFields {

    static final class WrongType extends RuntimeException {
        WrongType(String field, String expected) {
            super("'" + field + "' must be " + expected);
        }
    }

    private JsonFields() {}

    private static JsonElement field(JsonObject object, String name) {
        var element = object.get(name);
        return element == null || element.isJsonNull() ? null : element;
    }

    static String string(JsonObject object, String name) {
        var element = field(object, name);
        if (element == null) {
            return null;
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new WrongType(name, "a string");
        }
        return element.getAsString();
    }

    static Long whole(JsonObject object, String name) {
        var element = field(object, name);
        if (element == null) {
            return null;
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw new WrongType(name, "a whole number");
        }
        try {
            // Gson refuses a number with an exponent past 10,000 (NumberFormatException).
            return element.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException notWhole) {
            throw new WrongType(name, "a whole number");
        }
    }

    static Double number(JsonObject object, String name) {
        var element = field(object, name);
        if (element == null) {
            return null;
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw new WrongType(name, "a number");
        }
        double value;
        try {
            value = element.getAsDouble();
        } catch (NumberFormatException unreadable) {
            throw new WrongType(name, "a finite number");
        }
        // 1e999 reads as infinity, which no JSON can carry back (a pong would throw).
        if (!Double.isFinite(value)) {
            throw new WrongType(name, "a finite number");
        }
        return value;
    }

    static boolean bool(JsonObject object, String name, boolean otherwise) {
        var element = field(object, name);
        if (element == null) {
            return otherwise;
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isBoolean()) {
            throw new WrongType(name, "true or false");
        }
        return element.getAsBoolean();
    }

    static JsonObject object(JsonObject object, String name) {
        var element = field(object, name);
        if (element == null) {
            return null;
        }
        if (!element.isJsonObject()) {
            throw new WrongType(name, "an object");
        }
        return element.getAsJsonObject();
    }
}
