package org.camelbigmarker;

/** How results are handed to the route. */
public enum OutputType {
    /** Typed models (Conference, Registration, ...) where the operation has one; Map otherwise. */
    typed,
    /** java.util.Map (a List of Maps for lists). */
    map,
    /** Jackson JsonNode (an ArrayNode for lists). */
    json
}
