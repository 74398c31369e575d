package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/** {@code Runtime.getProperties}: parameters and result. */
public final class GetProperties {
    public static final String METHOD = "Runtime.getProperties";

    private GetProperties() {
    }

    /** Own properties only, with accessors described, never called. */
    public record Params(String objectId, boolean ownProperties, boolean accessorPropertiesOnly,
                         boolean generatePreview) {
        public static Params own(String objectId) {
            return new Params(objectId, true, false, true);
        }
    }

    public record Result(List<PropertyDescriptor> result, List<InternalPropertyDescriptor> internalProperties,
                         List<PrivatePropertyDescriptor> privateProperties, ExceptionDetails exceptionDetails) {
        public Result {
            result = result == null ? List.of() : result;
            internalProperties = internalProperties == null ? List.of() : internalProperties;
            privateProperties = privateProperties == null ? List.of() : privateProperties;
        }
    }
}
